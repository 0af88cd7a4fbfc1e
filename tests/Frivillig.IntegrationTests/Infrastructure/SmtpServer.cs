using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd with its Maildir handler. It can be
/// stopped and started again on the same port, to show what the outbox does while it is away.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private Process? _process;

    public SmtpServer()
    {
        Port = FreePort();
        // Python's Maildir creates tmp/, new/ and cur/ only when the folder itself is missing.
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, folder));
        }

        Start();
    }

    public int Port { get; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "frivillig-smtp", Guid.NewGuid().ToString("N"));

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start; is python3-aiosmtpd installed?");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("aiosmtpd exited: " + _process.StandardError.ReadToEnd());
                }

                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not listen within 15 s.");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    private static readonly string[] MaildirFolders = ["new", "cur"];

    public IReadOnlyList<MimeMessage> Received() =>
        [.. MaildirFolders.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles).Select(f => MimeMessage.Load(f))];

    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? match = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = Received().LastOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {to} reached the SMTP server within {seconds} s. It has: {string.Join("; ", Received().Select(m => m.Subject))}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
