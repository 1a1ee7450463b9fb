using DiplomacyGraph.Storage;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>What a store's <see cref="Lookup{T}"/> must be, asserted.</summary>
internal static class LookupAssertions
{
    /// <summary>The answer, asserting that every anchor was found.</summary>
    public static T Found<T>(this Lookup<T> lookup) => Assert.IsType<Found<T>>(lookup).Value;

    /// <summary>The miss, asserting that an anchor was missing.</summary>
    public static Missing<T> Miss<T>(this Lookup<T> lookup) => Assert.IsType<Missing<T>>(lookup);
}
