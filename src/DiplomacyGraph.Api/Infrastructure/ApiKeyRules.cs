using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// What a configured API key must be: at least 128 bits, and a name that is safe to log. Entropy cannot be measured, so
/// the rule is a length: 32 characters when the key is all hex digits (4 bits each), else 22 (base64, 6 bits each),
/// which is what <c>openssl rand -hex 16</c> and <c>openssl rand -base64 16</c> print. A shorter key stops start-up.
/// </summary>
internal sealed partial class ApiKeyRules : IValidateOptions<AuthOptions>
{
    public const int MinimumHexLength = 32;
    public const int MinimumLength = 22;
    public const string HowToMakeOne = "make one with `openssl rand -base64 32`";

    public static bool IsStrong(string key) => key.Length >= (key.All(char.IsAsciiHexDigit) ? MinimumHexLength : MinimumLength);

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        foreach (var (keyName, value) in options.Keys)
        {
            if (!KeyName().IsMatch(keyName))
            {
                failures.Add($"Auth:Keys:{keyName} has a name that is not 1-64 letters, digits, '.', '_' or '-'.");
            }
        }
        var configured = options.Configured();
        foreach (var key in configured.Where(k => !IsStrong(k.Key)))
        {
            failures.Add($"The key {key.Name} is shorter than 128 bits: a key needs at least {MinimumLength} characters of base64 " +
                $"or {MinimumHexLength} of hex; {HowToMakeOne}.");
        }
        foreach (var same in configured.GroupBy(k => k.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"The keys {string.Join(" and ", same.Select(k => k.Name))} are the same key; give each writer its own.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyName();
}
