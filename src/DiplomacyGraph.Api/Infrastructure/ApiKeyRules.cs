using System.Security.Cryptography;
using System.Text;
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

/// <summary>
/// The configured keys as names and SHA-256 digests, worked out once per configuration (and again when it reloads),
/// not on every request. A presented key is compared in constant time against every digest, so neither timing nor the
/// answer tells which keys exist.
/// </summary>
internal sealed class KeyRing : IDisposable
{
    private readonly IDisposable? subscription;
    private volatile NamedDigest[] keys;

    public KeyRing(IOptionsMonitor<AuthOptions> auth)
    {
        keys = Digests(auth.CurrentValue);
        subscription = auth.OnChange(changed => keys = Digests(changed));
    }

    /// <summary>Whether any key is configured; none means writes are disabled.</summary>
    public bool Any => keys.Length > 0;

    /// <summary>The name of the configured key <paramref name="presented"/> equals, or null.</summary>
    public string? NameOf(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? name = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest))
            {
                name ??= key.Name;
            }
        }
        return name;
    }

    public void Dispose() => subscription?.Dispose();

    private static NamedDigest[] Digests(AuthOptions options) =>
        [.. options.Configured().Select(k => new NamedDigest(k.Name, SHA256.HashData(Encoding.UTF8.GetBytes(k.Key))))];

    private sealed record NamedDigest(string Name, byte[] Digest);
}
