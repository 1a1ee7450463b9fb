using System.Net;
using System.Text.Json;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

// The store answers a refused write with a value and the handler makes the problem; the bodies are those the
// exception handler used to write: the same title, detail, RFC type and extension naming what was refused.
public abstract partial class WriteApiContract
{
    [Fact]
    public async Task Refused_writes_answer_problems_naming_the_conflict_the_unknown_ids_or_the_mismatch()
    {
        var source = Unique("no-such-source");

        var taken = AssertProblem(await Post("/api/actors", ActorBody("gustavo-petro")), HttpStatusCode.Conflict);
        var unknown = AssertProblem(await Post("/api/actors", ActorBody(Unique("unsourced")) with { SourceId = source }), HttpStatusCode.UnprocessableEntity);
        var mismatch = AssertProblem(await Post("/api/relationships", RelationshipBody("PARTICIPATED_IN", "white-house", SeedMeeting)), HttpStatusCode.UnprocessableEntity);
        var inUse = AssertProblem(await Delete("/api/actors/gustavo-petro"), HttpStatusCode.Conflict);

        AssertRefusal(taken, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "The id is taken.", "conflicts",
            "'gustavo-petro' is already taken by a node of label Actor.");
        Assert.Equal("'gustavo-petro' is already taken by a node of label Actor.", taken.GetProperty("detail").GetString());
        AssertRefusal(unknown, "https://tools.ietf.org/html/rfc4918#section-11.2", "The request refers to ids the graph does not hold.", "unknownIds", source);
        Assert.Equal($"Unknown ids: {source}.", unknown.GetProperty("detail").GetString());
        var problem = AssertRefusal(mismatch, "https://tools.ietf.org/html/rfc4918#section-11.2", "The relationship does not fit the nodes it joins.", "problems",
            "PARTICIPATED_IN cannot start at Place 'white-house'; it starts at Actor.");
        Assert.Equal(problem, mismatch.GetProperty("detail").GetString());
        Assert.Equal("The actor is in use.", inUse.GetProperty("title").GetString());
        Assert.StartsWith("'gustavo-petro' still has ", inUse.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(" relationships. Delete them first, or pass cascade=true to delete them with it.", inUse.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Asserts the problem's type, title and one-item extension; answers the item.</summary>
    private static string AssertRefusal(JsonElement problem, string type, string title, string extension, string item)
    {
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal([item], problem.GetProperty(extension).EnumerateArray().Select(i => i.GetString()));
        return item;
    }
}
