using System.ComponentModel.DataAnnotations;

namespace Frivillig.Web.Features.Activities;

/// <summary>The activity form, in local wall-clock terms; the page converts to instants in the municipality's zone.</summary>
public sealed class ActivityInput
{
    [Display(Name = "Tittel")]
    [Required(ErrorMessage = "Skriv en tittel.")]
    [StringLength(Activity.TitleMaxLength, ErrorMessage = "Tittelen kan være høyst {1} tegn.")]
    [NoMarkup]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "Kort oppsummering")]
    [StringLength(Activity.SummaryMaxLength, ErrorMessage = "Oppsummeringen kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Summary { get; set; }

    [Display(Name = "Beskrivelse")]
    [StringLength(Activity.DescriptionMaxLength, ErrorMessage = "Beskrivelsen kan være høyst {1} tegn.")]
    [RenderableMarkdown]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Velg en kategori.")]
    public string? Category { get; set; }

    public List<string> TargetGroups { get; set; } = [];

    [Required(ErrorMessage = "Velg bydel eller distriktssenter.")]
    public int? DistrictId { get; set; }

    [Display(Name = "Sted (adresse og rom)")]
    [Required(ErrorMessage = "Skriv hvor aktiviteten er.")]
    [StringLength(200, ErrorMessage = "Stedet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string Place { get; set; } = string.Empty;

    [Display(Name = "Dato (første gang)")]
    [Required(ErrorMessage = "Velg dato.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Starter kl.")]
    [Required(ErrorMessage = "Skriv når aktiviteten starter.")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Slutter kl.")]
    [Required(ErrorMessage = "Skriv når aktiviteten slutter.")]
    public TimeOnly? EndTime { get; set; }

    public RecurrenceFrequency Frequency { get; set; }

    [Display(Name = "Gjentas til og med")]
    public DateOnly? Until { get; set; }

    [Display(Name = "Antall ganger")]
    [Range(1, 200, ErrorMessage = "Antall ganger må være mellom {1} og {2}.")]
    public int? Count { get; set; }

    public bool IsDropIn { get; set; } = true;

    [Display(Name = "Antall plasser")]
    [Range(1, 10000, ErrorMessage = "Antall plasser må være mellom {1} og {2}.")]
    public int? Capacity { get; set; }

    [Display(Name = "Pris i kroner")]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Prisen må være mellom {1} og {2} kroner.")]
    public decimal? PriceNok { get; set; }

    [Display(Name = "Språk")]
    [StringLength(200, ErrorMessage = "Språkfeltet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Languages { get; set; }

    public List<string> Accessibility { get; set; } = [];

    [Display(Name = "Kontakt")]
    [StringLength(200, ErrorMessage = "Kontaktfeltet kan være høyst {1} tegn.")]
    [NoMarkup]
    public string? Contact { get; set; }

    [Display(Name = "Aktiviteten er rusfri: ingen alkohol eller andre rusmidler")]
    public bool Rusfri { get; set; }
}

/// <summary>Refuses Markdown nested deeper than the parser takes, so a saved description always shows.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RenderableMarkdownAttribute : ValidationAttribute
{
    public RenderableMarkdownAttribute()
    {
        ErrorMessage = "Beskrivelsen har for mange nivåer inni hverandre (sitater, lister eller klammer). Forenkle den.";
    }

    public override bool IsValid(object? value) => MarkdownText.IsRenderable(value as string);
}
