using System.Text.Json;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Format;

/// <summary>FluentValidation settings shared by the seed loader and the API.</summary>
public static class ValidationConventions
{
    /// <summary>
    /// Names failures by the JSON path the client wrote (<c>events[2].date</c>), not by C# member names.
    /// FluentValidation keeps this resolver in static state, so every entry point calls this once.
    /// </summary>
    public static void Apply()
    {
        ValidatorOptions.Global.PropertyNameResolver = static (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = static (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
