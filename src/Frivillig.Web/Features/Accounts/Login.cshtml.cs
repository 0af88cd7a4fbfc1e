using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Accounts;

public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Display(Name = "E-postadresse")]
        [Required(ErrorMessage = "Skriv e-postadressen din.")]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "Passord")]
        [Required(ErrorMessage = "Skriv passordet ditt.")]
        [StringLength(200, ErrorMessage = "Passordet kan være høyst {1} tegn.")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Husk meg på denne enheten")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(AccountLinks.SafeReturnUrl(ReturnUrl));
        }

        var message = result switch
        {
            { IsLockedOut: true } => t["For mange mislykkede forsøk. Kontoen er låst i 15 minutter."],
            { IsNotAllowed: true } => t["Du må bekrefte e-postadressen din før du kan logge inn. Se etter e-posten fra oss."],
            _ => t["E-postadressen eller passordet er feil."],
        };
        ModelState.AddModelError("Input.Password", message);
        return Page();
    }
}
