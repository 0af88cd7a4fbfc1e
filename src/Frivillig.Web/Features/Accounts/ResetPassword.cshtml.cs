using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Accounts;

public sealed class ResetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class InputModel
    {
        [StringLength(254)]
        public string Email { get; set; } = string.Empty;

        [StringLength(2000)]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Nytt passord")]
        [Required(ErrorMessage = "Velg et passord.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Passordet må være minst {2} tegn.")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Gjenta passordet")]
        [Required(ErrorMessage = "Skriv passordet en gang til.")]
        [Compare(nameof(Password), ErrorMessage = "Passordene er ikke like.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? string.Empty;
        Input.Code = code ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var token = AccountLinks.Decode(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError("Input.Password", t["Lenken virker ikke. Be om en ny fra «Glemt passordet?»."]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        // A reset also ends a lockout, so the person is not locked out of the account they just recovered.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }
}
