using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Frivillig.Web.Email;

/// <summary>The one way mail leaves the app: SMTP when a host is configured, else .eml files in a pickup folder.</summary>
public interface IMailDelivery
{
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailDelivery(IOptions<FrivilligOptions> options) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Frivillig:Smtp:Host is not set."), smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

public sealed class PickupFolderMailDelivery(IWebHostEnvironment environment, IOptions<FrivilligOptions> options) : IMailDelivery
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(options.Value.AppDataPath, environment.ContentRootPath), "mail");

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        // Named by Message-ID, so a retried delivery overwrites instead of duplicating.
        var safeId = string.Concat((message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId()).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        var path = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{safeId}.eml");
        foreach (var existing in Directory.EnumerateFiles(Folder, $"*-{safeId}.eml"))
        {
            File.Delete(existing);
        }

        // Written aside and renamed, so a reader of the folder never sees half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
