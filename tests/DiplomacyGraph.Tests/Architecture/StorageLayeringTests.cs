using System.Xml.Linq;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Architecture;

/// <summary>Storage knows graphs, not documents or HTTP: the document format and the web framework live above it.</summary>
public sealed class StorageLayeringTests
{
    private static readonly string[] Forbidden = ["FluentValidation", "Microsoft.AspNetCore"];

    [Fact]
    public void The_storage_assembly_references_neither_FluentValidation_nor_ASP_NET_Core()
    {
        var referenced = typeof(IGraphStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.Extensions.Options", referenced);
        Assert.DoesNotContain(referenced, name => Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_storage_project_file_takes_no_framework_reference_and_no_FluentValidation_package()
    {
        var project = XDocument.Load(Path.Combine(RepositoryFiles.Root, "src", "DiplomacyGraph.Storage", "DiplomacyGraph.Storage.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "FrameworkReference" or "PackageReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}")
            .ToList();

        Assert.Contains("PackageReference Microsoft.Data.Sqlite", references);
        Assert.DoesNotContain(references, r => r.StartsWith("FrameworkReference", StringComparison.Ordinal));
        Assert.DoesNotContain("PackageReference FluentValidation", references);
    }

    [Fact]
    public void The_document_format_lives_outside_storage()
    {
        var storageTypes = typeof(IGraphStore).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain("KnowledgeDocument", storageTypes);
        Assert.DoesNotContain("KnowledgeDocumentValidator", storageTypes);
        Assert.DoesNotContain("KnowledgeJson", storageTypes);
    }
}
