using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Frivillig.Web;

/// <summary>Model binding's own messages ("The value is not valid") in Bokmål.</summary>
internal static class NorwegianModelBinding
{
    public static void Configure(DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustNotBeNullAccessor(_ => "Feltet må fylles ut.");
        p.SetAttemptedValueIsInvalidAccessor((value, _) => $"«{value}» er ikke en gyldig verdi.");
        p.SetMissingBindRequiredValueAccessor(_ => "Feltet må fylles ut.");
        p.SetMissingKeyOrValueAccessor(() => "Feltet må fylles ut.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Forespørselen mangler innhold.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"«{value}» er ikke en gyldig verdi.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Verdien er ikke gyldig.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Verdien må være et tall.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Verdien er ikke gyldig.");
        p.SetValueIsInvalidAccessor(value => $"«{value}» er ikke en gyldig verdi.");
        p.SetValueMustBeANumberAccessor(_ => "Verdien må være et tall.");
    }
}
