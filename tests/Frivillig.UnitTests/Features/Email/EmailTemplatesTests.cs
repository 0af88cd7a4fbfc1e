using Frivillig.Web;
using Frivillig.Web.Content;
using Frivillig.Web.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Frivillig.UnitTests.Features.Email;

public sealed class EmailTemplatesTests
{
    private static EmailTemplates Templates()
    {
        var content = new ContentStore(Options.Create(new FrivilligOptions { ContentPath = Path.Combine(AppContext.BaseDirectory, "content") }), new FakeEnvironment());
        return new EmailTemplates(content);
    }

    [Fact]
    public void Values_are_text_in_every_part_and_cannot_break_the_subject_line()
    {
        var mail = Templates().Render("organisation-pending", new Dictionary<string, string?>
        {
            ["Name"] = "<b>Admin</b>",
            ["OrganisationName"] = "Ondsinnet\r\nBcc: alle@eksempel.no",
            ["OrganisationKind"] = "Frivillig",
            ["MunicipalityName"] = "Tromsø",
            ["ContactName"] = "<script>alert(1)</script>",
            ["ContactEmail"] = "a@b.no",
            ["ReviewUrl"] = "http://frivillig.test/tromso/admin",
        });

        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain('\r', mail.Subject);
        Assert.Contains("Ondsinnet Bcc: alle@eksempel.no", mail.Subject);
        Assert.DoesNotContain("<script>", mail.Html);
        Assert.Contains("&lt;script&gt;", mail.Html);
        Assert.Contains("<a href=\"http://frivillig.test/tromso/admin\">", mail.Html);
        Assert.Contains("<script>alert(1)</script>", mail.Text); // plain text is text
    }

    [Fact]
    public void Every_template_renders_with_a_subject() =>
        Assert.All(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "content", "email"), "*.txt"), file =>
        {
            var mail = Templates().Render(Path.GetFileNameWithoutExtension(file), new Dictionary<string, string?>());
            Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
            Assert.StartsWith("<!DOCTYPE html>", mail.Html, StringComparison.Ordinal);
        });

    private sealed class FakeEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "Frivillig.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public string EnvironmentName { get; set; } = "Testing";
    }
}
