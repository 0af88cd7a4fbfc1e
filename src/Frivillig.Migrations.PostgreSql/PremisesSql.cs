namespace Frivillig.Migrations.PostgreSql;

/// <summary>
/// The premises guarantee in PostgreSQL itself: no two occupied slots of one room unit overlap in
/// time. A whole gym's booking holds a slot on each half, so whole and half cannot overlap either.
/// btree_gist lets the integer unit id join the range in one GiST index.
/// </summary>
public static class PremisesSql
{
    public const string Create = """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        ALTER TABLE "OccupiedSlots" ADD CONSTRAINT "EX_OccupiedSlots_Unit_Time"
          EXCLUDE USING gist ("UnitRoomId" WITH =, tstzrange("StartsAt", "EndsAt", '[)') WITH &&);
        """;

    public const string Drop = """
        ALTER TABLE "OccupiedSlots" DROP CONSTRAINT IF EXISTS "EX_OccupiedSlots_Unit_Time";
        """;
}
