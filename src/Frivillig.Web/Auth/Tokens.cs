using System.Security.Cryptography;
using System.Text;

namespace Frivillig.Web.Auth;

/// <summary>Secret link tokens: random, URL-safe, stored only as a hash.</summary>
public static class Tokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
