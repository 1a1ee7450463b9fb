using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using DiplomacyGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// The calls a test host makes to its <see cref="IGraphStore"/>, by method name: <see cref="Decorate"/> puts a counting
/// decorator in front of the store the service registered (embedded or Neo4j alike).
/// </summary>
public sealed class StoreCalls
{
    private readonly ConcurrentQueue<string> calls = new();

    public IReadOnlyList<string> Names => [.. calls];

    public void Clear() => calls.Clear();

    /// <summary>Replaces the service's store registration with the same store behind a counting decorator.</summary>
    public void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IGraphStore));
        var create = original.ImplementationFactory
            ?? throw new InvalidOperationException("The store is expected to be registered through a factory (AddGraphStore).");
        services.Remove(original);
        services.AddSingleton(provider => new CountedStore((IGraphStore)create(provider)));
        services.AddSingleton(provider => CountingProxy.Wrap(provider.GetRequiredService<CountedStore>().Store, this));
    }

    internal void Add(string method) => calls.Enqueue(method);

    /// <summary>Owns the real store, so that the container still disposes it.</summary>
    private sealed class CountedStore(IGraphStore store) : IDisposable
    {
        public IGraphStore Store { get; } = store;

        public void Dispose() => (Store as IDisposable)?.Dispose();
    }
}

/// <summary>An <see cref="IGraphStore"/> that notes each call, then forwards it.</summary>
#pragma warning disable CA1852 // DispatchProxy derives from it at run time.
public class CountingProxy : DispatchProxy
#pragma warning restore CA1852
{
    private IGraphStore inner = null!;
    private StoreCalls calls = null!;

    public static IGraphStore Wrap(IGraphStore inner, StoreCalls calls)
    {
        var proxy = Create<IGraphStore, CountingProxy>();
        var counting = (CountingProxy)(object)proxy;
        counting.inner = inner;
        counting.calls = calls;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        calls.Add(targetMethod.Name);
        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
