using System.Globalization;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>One side of a GDELT event: its CAMEO actor code, name, country (alpha-3) and first CAMEO type code.</summary>
internal sealed record GdeltActor(string Code, string? Name, string? CountryCode, string? Type1Code);

/// <summary>Where a GDELT event happened (its ActionGeo columns).</summary>
internal sealed record GdeltGeo(string FeatureId, string FullName, string? CountryCode, double? Latitude, double? Longitude);

/// <summary>The columns of one GDELT 2.0 Events row that the import reads.</summary>
internal sealed record GdeltRow(
    string GlobalEventId, string Date, GdeltActor? Actor1, GdeltActor? Actor2, string EventCode, int? QuadClass,
    double? GoldsteinScale, long? NumMentions, long? NumSources, long? NumArticles, double? AvgTone,
    GdeltGeo? ActionGeo, string DateAdded, string SourceUrl);

/// <summary>
/// A GDELT 2.0 Events line (tab-separated, 61 columns, no header; the codebook's columns are listed in
/// tests/…/Data/gdelt/gdelt2-event-columns.txt) read into a <see cref="GdeltRow"/>, or the problem that makes it a bad row.
/// Empty columns are missing values; a column that holds something it cannot be (a letter in a count) is a problem.
/// </summary>
internal static class GdeltColumns
{
    public const int Count = 61;

    private const int GlobalEventId = 0, SqlDate = 1, Actor1 = 5, Actor2 = 15, EventCode = 26, QuadClass = 29, GoldsteinScale = 30,
        NumMentions = 31, NumSources = 32, NumArticles = 33, AvgTone = 34, ActionGeo = 51, DateAdded = 59, SourceUrl = 60;

    /// <summary>The row, or null with the problem.</summary>
    public static GdeltRow? Parse(string line, out string? problem)
    {
        problem = null;
        var c = line.Split('\t');
        if (c.Length != Count)
        {
            problem = $"A GDELT 2.0 Events row has {Count} tab-separated columns; this one has {c.Length}.";
            return null;
        }
        var id = c[GlobalEventId].Trim();
        if (id.Length is 0 or > 19 || !id.All(char.IsAsciiDigit)) return Fail("GLOBALEVENTID must be a number.", out problem);
        if (Day(c[SqlDate]) is not { } date) return Fail("SQLDATE must be a date, YYYYMMDD.", out problem);
        var code = c[EventCode].Trim();
        if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit)) return Fail("EventCode must be a CAMEO event code: 2 to 4 digits.", out problem);
        if (Stamp(c[DateAdded]) is not { } added) return Fail("DATEADDED must be a date-time, YYYYMMDDHHMMSS.", out problem);
        if (!Int(c[QuadClass], out var quad) || quad is < 1 or > 4) return Fail("QuadClass must be 1, 2, 3 or 4.", out problem);
        if (!Real(c[GoldsteinScale], out var goldstein) || goldstein is < -10 or > 10) return Fail("GoldsteinScale must be a number from -10 to 10.", out problem);
        if (!Real(c[AvgTone], out var tone) || tone is < -100 or > 100) return Fail("AvgTone must be a number from -100 to 100.", out problem);
        if (!Whole(c[NumMentions], out var mentions) || !Whole(c[NumSources], out var sources) || !Whole(c[NumArticles], out var articles))
        {
            return Fail("NumMentions, NumSources and NumArticles must be whole numbers, 0 or more.", out problem);
        }
        if (!Real(c[ActionGeo + 5], out var latitude) || latitude is < -90 or > 90 || !Real(c[ActionGeo + 6], out var longitude) || longitude is < -180 or > 180)
        {
            return Fail("ActionGeo_Lat and ActionGeo_Long must be coordinates (-90..90, -180..180).", out problem);
        }
        var url = c[SourceUrl].Trim();
        if (url.Length is 0 or > 2000) return Fail("SOURCEURL must be given, in at most 2000 characters.", out problem);
        return new GdeltRow(id, date, Actor(c, Actor1), Actor(c, Actor2), code, quad, goldstein, mentions, sources, articles, tone,
            Geo(c, latitude, longitude), added, url);
    }

    private static GdeltRow? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }

    /// <summary>An actor's columns (code, name, country, known group, ethnic, 2 religions, 3 types): null when its code and name are empty.</summary>
    private static GdeltActor? Actor(string[] c, int at)
    {
        var code = c[at].Trim();
        var name = Text(c[at + 1]);
        if (code.Length == 0 && name is null) return null;
        return new GdeltActor(code, name, Text(c[at + 2]), Text(c[at + 7]));
    }

    private static GdeltGeo? Geo(string[] c, double? latitude, double? longitude)
    {
        var feature = c[ActionGeo + 7].Trim();
        var name = Text(c[ActionGeo + 1]);
        return feature.Length == 0 || name is null ? null : new GdeltGeo(feature, name, Text(c[ActionGeo + 2]), latitude, longitude);
    }

    private static string? Text(string value) => value.Trim() is { Length: > 0 } text ? text : null;

    private static string? Day(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string? Stamp(string value) =>
        System.DateTime.TryParseExact(value.Trim(), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : null;

    private static bool Int(string value, out int? parsed)
    {
        parsed = null;
        if (value.Trim().Length == 0) return true;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return false;
        parsed = v;
        return true;
    }

    private static bool Whole(string value, out long? parsed)
    {
        parsed = null;
        if (value.Trim().Length == 0) return true;
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 0) return false;
        parsed = v;
        return true;
    }

    private static bool Real(string value, out double? parsed)
    {
        parsed = null;
        if (value.Trim().Length == 0) return true;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) return false;
        parsed = v;
        return true;
    }
}
