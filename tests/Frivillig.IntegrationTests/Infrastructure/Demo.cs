namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>The demo content the tests lean on, named once (content/demo has the rest).</summary>
public static class Demo
{
    public const string Password = FrivilligApp.DemoPassword;

    public const string PlatformAdmin = "plattform@frivillig.test";
    public const string TromsoAdmin = "admin.tromso@frivillig.test";
    public const string TromsoPremisesManager = "lokaler.tromso@frivillig.test";
    public const string KristiansandAdmin = "admin.kristiansand@frivillig.test";
    public const string LunnerAdmin = "admin.lunner@frivillig.test";

    /// <summary>Admin of <see cref="RodeKors"/>, coordinator in <see cref="MentalHelse"/>.</summary>
    public const string Coordinator = "koordinator@frivillig.test";

    /// <summary>Member of <see cref="Bymisjonen"/>.</summary>
    public const string Member = "medlem@frivillig.test";

    /// <summary>A person with an account and no organisation.</summary>
    public const string Volunteer = "frivillig@frivillig.test";

    public const string Tromso = "tromso";
    public const string Kristiansand = "kristiansand";
    public const string Lunner = "lunner";

    public const string RodeKors = "rode-kors-tromso";
    public const string MentalHelse = "mental-helse-tromso";
    public const string Bymisjonen = "kirkens-bymisjon-tromso";
    public const string PendingInTromso = "kvaloysletta-velforening";
    public const string LunnerSportsClub = "harestua-idrettslag";
}
