using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Accounts;

public sealed class ForgotPasswordModel(UserManager<AppUser> users, Outbox outbox, FrivilligDbContext db, LinkBuilder links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "E-postadresse")]
        [Required(ErrorMessage = "Skriv e-postadressen din.")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        public string Email { get; set; } = string.Empty;
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

        // The answer is the same whether or not the address has an account, so the form cannot be used to probe.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: true, Email: not null })
        {
            var code = AccountLinks.Encode(await users.GeneratePasswordResetTokenAsync(user));
            outbox.Enqueue(user.Email, user.DisplayName, "reset-password", new Dictionary<string, string?>
            {
                ["Name"] = user.DisplayName,
                ["ResetUrl"] = links.Absolute($"/konto/nytt-passord?email={Uri.EscapeDataString(user.Email)}&code={code}"),
            });
            await db.SaveChangesAsync();
        }

        Sent = true;
        return Page();
    }
}
