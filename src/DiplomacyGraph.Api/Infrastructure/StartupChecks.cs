using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>A bad setting stops start-up with one line naming the key and what it may be, not a stack trace.</summary>
internal static class StartupChecks
{
    /// <summary>Validates every option registered with ValidateOnStart; prints why not to stderr when invalid.</summary>
    public static bool HasValidConfiguration(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"Invalid configuration: {string.Join(" ", e.Failures)}");
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong type, e.g. Writes:MaxBodyBytes=abc; the binder's message names the key and the type.
            Console.Error.WriteLine($"Invalid configuration: {e.Message}");
        }
        return false;
    }
}
