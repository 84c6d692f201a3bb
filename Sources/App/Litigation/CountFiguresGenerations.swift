import Fluent
import Foundation
import SQLKit

/// The one-row table `figures_generation` and the triggers that raise its `n` whenever anything the litigation
/// figures are counted from changes, in the same transaction as the change, whoever makes it (the app, an import, the
/// generator or a hand-written fix). `FiguresCache` keys what it keeps by it.
struct CountFiguresGenerations: AsyncMigration {
    static let table = "figures_generation"
    /// What the figures are counted from: the cases and hearings, the units' names and the regions' paths.
    static let sources = [AdminCase.schema, Hearing.schema, Unit.schema, Region.schema]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.raw("CREATE TABLE \(ident: Self.table) (epoch TEXT NOT NULL, n BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO \(ident: Self.table) (epoch, n) VALUES (\(bind: UUID().uuidString), 0)").run()
        let raise: SQLQueryString = "UPDATE \(ident: Self.table) SET n = n + 1"
        if sql.dialect == .sqlite {
            // SQLite triggers run per row; raising one row's integer costs a microsecond or two.
            for table in Self.sources {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw(
                        "CREATE TRIGGER \(unsafeRaw: Self.trigger(table, event)) AFTER \(unsafeRaw: event) ON \(ident: table) BEGIN "
                            + raise + "; END"
                    ).run()
                }
            }
        } else {
            // Once per transaction, at its commit: the first changed row of a transaction queues the raise (the
            // trigger's WHEN condition notes it in a transaction-local setting), and the raise runs when the
            // transaction commits. Taking the row's lock last keeps a long import from holding it while it writes,
            // and two writers can never wait for each other over it.
            try await sql.raw(
                """
                CREATE FUNCTION figures_generation_first_change() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN
                IF current_setting('fuyuan.figures_changed', true) = 'yes' THEN RETURN false; END IF;
                PERFORM set_config('fuyuan.figures_changed', 'yes', true); RETURN true; END $$
                """
            ).run()
            try await sql.raw(
                "CREATE FUNCTION figures_generation_raise() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " + raise
                    + "; RETURN NULL; END $$"
            ).run()
            for table in Self.sources {
                try await sql.raw(
                    """
                    CREATE CONSTRAINT TRIGGER figures_generation_raise AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (figures_generation_first_change())
                    EXECUTE FUNCTION figures_generation_raise()
                    """
                ).run()
                try await sql.raw(
                    """
                    CREATE TRIGGER figures_generation_truncate AFTER TRUNCATE ON \(ident: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise()
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        if sql.dialect == .sqlite {
            for table in Self.sources {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: Self.trigger(table, event))").run()
                }
            }
        } else {
            for table in Self.sources {
                try await sql.raw("DROP TRIGGER figures_generation_raise ON \(ident: table)").run()
                try await sql.raw("DROP TRIGGER figures_generation_truncate ON \(ident: table)").run()
            }
            try await sql.raw("DROP FUNCTION figures_generation_raise()").run()
            try await sql.raw("DROP FUNCTION figures_generation_first_change()").run()
        }
        try await sql.raw("DROP TABLE \(ident: Self.table)").run()
    }

    private static func trigger(_ table: String, _ event: String) -> String {
        "figures_generation_\(table)_\(event.lowercased())"
    }
}
