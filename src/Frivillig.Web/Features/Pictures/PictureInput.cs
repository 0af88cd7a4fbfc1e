using System.ComponentModel.DataAnnotations;

namespace Frivillig.Web.Features.Pictures;

/// <summary>The picture fields of a form (activity, organisation): a file, its text alternative, or removing the one there is.</summary>
public sealed class PictureInput
{
    [Display(Name = "Bilde")]
    public IFormFile? File { get; set; }

    [Display(Name = "Beskrivelse av bildet")]
    [StringLength(300, ErrorMessage = "Beskrivelsen av bildet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Alt { get; set; }

    [Display(Name = "Fjern bildet")]
    public bool Remove { get; set; }

    public bool HasFile => File is { Length: > 0 };

    /// <summary>
    /// Checks the fields and, with a new file, decodes and re-encodes it. Errors go under
    /// <paramref name="prefix"/> (for example "Picture.File"). Returns the new picture, not yet saved.
    /// </summary>
    public async Task<Picture?> ReadAsync(string prefix, bool hasPicture, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, DateTimeOffset now,
        Microsoft.Extensions.Localization.IStringLocalizer t, CancellationToken cancellationToken)
    {
        if ((HasFile || (hasPicture && !Remove)) && string.IsNullOrWhiteSpace(Alt))
        {
            modelState.AddModelError($"{prefix}.Alt", t["Beskriv hva bildet viser, for dem som ikke ser det."]);
        }

        if (!HasFile)
        {
            return null;
        }

        var result = await PictureProcessor.ProcessAsync(File!, now, cancellationToken);
        var message = result.Problem switch
        {
            PictureProcessor.Problem.None => null,
            PictureProcessor.Problem.TooLarge => t["Bildet kan være høyst 10 MB."].Value,
            PictureProcessor.Problem.TooSmall => t["Bildet må være minst 200 × 200 piksler."].Value,
            PictureProcessor.Problem.TooManyPixels => t["Bildet har for mange piksler. Det kan være høyst 12 000 piksler på den lengste siden."].Value,
            _ => t["Filen er ikke et bilde vi kan lese. Bruk JPEG, PNG, WebP, GIF eller HEIC."].Value,
        };
        if (message is not null)
        {
            modelState.AddModelError($"{prefix}.File", message);
        }

        return result.Picture;
    }
}
