namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Whether the work the host does before serving has finished: the seed is loaded. Answers are not cached before
/// (<see cref="FastReads"/>), so a cache never keeps an answer from a half-seeded store.
/// </summary>
internal sealed class StartupProgress
{
    private volatile bool seeded;

    public bool Done => seeded;

    public void Seeded() => seeded = true;
}
