using System.Net;

namespace DiplomacyGraph.Tests.Infrastructure;

/// <summary>Waiting for a server that answers HTTP before it is fully up (seeding, recovering), up to a test setting's time.</summary>
internal static class Eventually
{
    /// <summary>GETs <paramref name="path"/> until it answers 200 or <paramref name="timeout"/> passes; the last status.</summary>
    public static async Task<HttpStatusCode> Ok(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline) return response.StatusCode;
            await Task.Delay(250);
        }
    }
}
