using System.Globalization;
using System.Text;
using AnyAscii;

namespace DiplomacyGraph.Storage.Model;

/// <summary>Text folding shared by every store, so that searches are case- and accent-insensitive everywhere.</summary>
public static class Text
{
    /// <summary>Lower-cases and strips diacritics: "García-Peña" becomes "garcia-pena".</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Transliterated to Latin (AnyAscii), then folded: "Служба безпеки України" becomes "sluzhba bezpeki ukraini".</summary>
    public static string Latin(string value) => Fold(value.Transliterate());
}
