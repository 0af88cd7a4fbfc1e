using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Accounts;

/// <summary>Identity's messages, from the shared resources, so the person sees them in their own language.</summary>
public sealed class NorwegianIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = t["Identity_DuplicateEmail"] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["Identity_DuplicateEmail"] };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = t["Identity_InvalidEmail"] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = t["Identity_InvalidEmail"] };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Identity_PasswordTooShort"], length) };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = t["Identity_InvalidToken"] };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = t["Identity_PasswordMismatch"] };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = t["Identity_DefaultError"] };
}
