using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Accounts;

/// <summary>Identity's messages, from the shared resources, so the person sees them in their own language.</summary>
public sealed class NorwegianIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = t["Det finnes allerede en konto med denne e-postadressen."] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["Det finnes allerede en konto med denne e-postadressen."] };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = t["E-postadressen er ikke gyldig."] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = t["E-postadressen er ikke gyldig."] };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Passordet må være minst {0} tegn."], length) };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = t["Lenken virker ikke. Den kan være brukt eller for gammel."] };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = t["Passordet er feil."] };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = t["Noe gikk galt. Prøv igjen."] };
}
