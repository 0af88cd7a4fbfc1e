using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Accounts;

public sealed class RegisterModel(UserManager<AppUser> users, Outbox outbox, FrivilligDbContext db, LinkBuilder links, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Registered { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Navn")]
        [Required(ErrorMessage = "Skriv navnet ditt.")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = "E-postadresse")]
        [Required(ErrorMessage = "Skriv e-postadressen din.")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "Passord")]
        [Required(ErrorMessage = "Velg et passord.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Passordet må være minst {2} tegn.")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Gjenta passordet")]
        [Required(ErrorMessage = "Skriv passordet en gang til.")]
        [Compare(nameof(Password), ErrorMessage = "Passordene er ikke like.")]
        public string ConfirmPassword { get; set; } = string.Empty;
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

        var user = new AppUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            // The user name is the e-mail address, so Identity reports a taken address twice (user name and e-mail).
            foreach (var error in result.Errors.DistinctBy(e => e.Description))
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        var code = AccountLinks.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        outbox.Enqueue(user.Email, user.DisplayName, "confirm-email", new Dictionary<string, string?>
        {
            ["Name"] = user.DisplayName,
            ["ConfirmUrl"] = links.Absolute($"/konto/bekreft-epost?userId={Uri.EscapeDataString(user.Id)}&code={code}"),
        });
        await db.SaveChangesAsync();
        Registered = true;
        return Page();
    }
}
