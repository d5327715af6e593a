using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Kixie.SeatPolicy.Json;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// An <see cref="IAccountEventStore"/> in PostgreSQL: one row per event in the table
/// <c>seat_policy_events</c>, keyed by account id and version, the event as JSON in the dialect of
/// <see cref="SeatPolicyJson"/>. Version 0 is the account's opening (its JSON as an account with no
/// history). The scheduled changes that took effect are rows of <c>seat_policy_effects</c>, keyed by
/// account id and the version that scheduled them. The tables are created on first use if they do not exist.
/// </summary>
/// <remarks>
/// <para>Thread-safe; one instance per database is enough (it pools connections). Dispose it to close them.</para>
/// <para>
/// An append inserts the decision's rows in one statement, only when the account's highest version
/// is the expected one; the primary key stops a second writer that raced past that check, so a stale
/// writer fails and writes nothing. A connection that fails (refused, reset, timed out) or a statement
/// the database refuses (a permission, a full disk) throws <see cref="EventStoreUnavailableException"/>
/// with Npgsql's exception inside; the account grain logs that one and sends its callers the message.
/// </para>
/// </remarks>
public sealed class PostgresAccountEventStore : IAccountEventStore, IAsyncDisposable, IDisposable
{
    /// <summary>The table's name.</summary>
    public const string TableName = "seat_policy_events";

    /// <summary>The table definition, run on first use (idempotent; serialised by an advisory lock).</summary>
    private const string Ddl = """
        SELECT pg_advisory_xact_lock(736504211);
        CREATE TABLE IF NOT EXISTS seat_policy_events (
            account_id  text        NOT NULL,
            version     bigint      NOT NULL CHECK (version >= 0),
            type        text        NOT NULL,
            payload     json        NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (account_id, version)
        );
        CREATE TABLE IF NOT EXISTS seat_policy_effects (
            account_id     text        NOT NULL,
            scheduled_by   bigint      NOT NULL CHECK (scheduled_by > 0),
            seat_id        text        NOT NULL,
            change         text        NOT NULL,
            change_date    date        NOT NULL,
            effective_from timestamptz NOT NULL,
            recorded_at    timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (account_id, scheduled_by)
        );
        """;

    /// <summary>The stored name of a scheduled deletion's event, the only scheduling event there is.</summary>
    private const string DeletionScheduledType = "DeletionScheduled";

    /// <summary>The stored name of a deletion in <c>seat_policy_effects.change</c>.</summary>
    private const string DeleteChange = "Delete";

    private const string OpeningType = "AccountOpened";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=seats;Username=seats;Password=…</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or not one Npgsql reads.</exception>
    public PostgresAccountEventStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc/>
    public async Task<bool> CreateAsync(Account opening, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opening);
        EventStoreArguments.RequireOpening(opening);
        var payload = JsonSerializer.Serialize(opening, SeatPolicyJson.Options);
        return await Run(opening.Id, async connection =>
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO seat_policy_events (account_id, version, type, payload) VALUES ($1, 0, $2, $3) ON CONFLICT DO NOTHING",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = opening.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = OpeningType });
            command.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlDbType.Json });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The stored rows are not an opening followed by versions 1, 2, … (the table was edited by hand).</exception>
    public async Task<Account?> ReadAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var rows = await Run(accountId, async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT version, payload FROM seat_policy_events WHERE account_id = $1 ORDER BY version",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = accountId });
            var read = new List<(long Version, string Payload)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read.Add((reader.GetInt64(0), reader.GetString(1)));
            }

            return read;
        }, cancellationToken).ConfigureAwait(false);

        if (rows.Count == 0)
        {
            return null;
        }

        if (rows[0].Version != 0)
        {
            throw new InvalidOperationException($"The account '{accountId}' has events but no opening (version 0) in {TableName}.");
        }

        var opening = JsonSerializer.Deserialize<Account>(rows[0].Payload, SeatPolicyJson.Options)
            ?? throw new InvalidOperationException($"The opening of '{accountId}' in {TableName} is null.");
        var events = new SeatEvent[rows.Count - 1];
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Version != i)
            {
                throw new InvalidOperationException($"The account '{accountId}' has version {rows[i].Version} where {i} belongs in {TableName}.");
            }

            events[i - 1] = JsonSerializer.Deserialize<SeatEvent>(rows[i].Payload, SeatPolicyJson.Options)
                ?? throw new InvalidOperationException($"The event {i} of '{accountId}' in {TableName} is null.");
        }

        return events.Length == 0 ? opening : opening.Apply(events);
    }

    /// <inheritdoc/>
    public async Task<bool> AppendAsync(string accountId, long expectedVersion, IReadOnlyList<SeatEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        EventStoreArguments.RequireFollowing(expectedVersion, events);
        // Each row's type is the event's stored name in the dialect (its "type"), never a CLR name.
        var payloads = new string[events.Count];
        var types = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var payload = JsonSerializer.SerializeToElement(events[i], SeatPolicyJson.Options);
            payloads[i] = payload.GetRawText();
            types[i] = payload.GetProperty("type").GetString()!;
        }

        // One statement: all rows or none. It inserts only when the account's highest version is the
        // expected one; two writers that both pass that check collide on the primary key.
        var sql = new StringBuilder("INSERT INTO seat_policy_events (account_id, version, type, payload) SELECT v.* FROM (VALUES ");
        for (var i = 0; i < events.Count; i++)
        {
            var p = (i * 3) + 3;
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ", ")}($1, ${p}::bigint, ${p + 1}, ${p + 2}::json)");
        }

        sql.Append(") AS v (account_id, version, type, payload) WHERE (SELECT max(version) FROM seat_policy_events WHERE account_id = $1) = $2");
        return await Run(accountId, async connection =>
        {
            await using var command = new NpgsqlCommand(sql.ToString(), connection);
            command.Parameters.Add(new NpgsqlParameter { Value = accountId });
            command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
            for (var i = 0; i < events.Count; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = events[i].Version });
                command.Parameters.Add(new NpgsqlParameter { Value = types[i] });
                command.Parameters.Add(new NpgsqlParameter { Value = payloads[i] });
            }

            try
            {
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == events.Count;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another writer inserted one of these versions between the check and the insert.
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RecordEffectAsync(string accountId, TakenEffect effect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(effect);
        return await Run(accountId, async connection =>
        {
            // Only for a stored scheduling event; the primary key makes a second record a no-op.
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO seat_policy_effects (account_id, scheduled_by, seat_id, change, change_date, effective_from)
                SELECT $1, $2, $3, $4, $5, $6
                WHERE EXISTS (SELECT 1 FROM seat_policy_events WHERE account_id = $1 AND version = $2 AND type = $7)
                ON CONFLICT DO NOTHING
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = accountId });
            command.Parameters.Add(new NpgsqlParameter { Value = effect.ScheduledBy });
            command.Parameters.Add(new NpgsqlParameter { Value = effect.Seat.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = ChangeName(effect.Change.Change) });
            command.Parameters.Add(new NpgsqlParameter { Value = effect.Change.Date.ToDateOnly() });
            command.Parameters.Add(new NpgsqlParameter { Value = effect.From.ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter { Value = DeletionScheduledType });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A stored row names a change this version does not know (the table was edited by hand, or written by a later version).</exception>
    public async Task<IReadOnlyList<TakenEffect>> ReadEffectsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return await Run(accountId, async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT scheduled_by, seat_id, change, change_date, effective_from FROM seat_policy_effects WHERE account_id = $1 ORDER BY scheduled_by",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = accountId });
            var read = new List<TakenEffect>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var change = reader.GetString(2) switch
                {
                    DeleteChange => ScheduledChange.Delete,
                    var other => throw new InvalidOperationException($"The effect {reader.GetInt64(0)} of '{accountId}' in seat_policy_effects is a '{other}', which this version does not know."),
                };
                read.Add(new TakenEffect(
                    reader.GetInt64(0),
                    new SeatId(reader.GetString(1)),
                    new PendingChange(change, LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(3))),
                    Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(4), DateTimeKind.Utc))));
            }

            return (IReadOnlyList<TakenEffect>)read;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaLock.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _dataSource.Dispose();
        _schemaLock.Dispose();
    }

    /// <summary>A change's stored name, never its CLR name.</summary>
    private static string ChangeName(ScheduledChange change) => change switch
    {
        ScheduledChange.Delete => DeleteChange,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "A scheduled change this store does not know."),
    };

    /// <summary>Opens a connection (creating the table first, once), runs <paramref name="work"/>, and turns connection failures into <see cref="EventStoreUnavailableException"/>.</summary>
    private async Task<T> Run<T>(string accountId, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                await CreateTableAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new EventStoreUnavailableException(accountId, $"The PostgreSQL event store is unavailable ({e.Message}); '{accountId}' was not changed by this call, or its result is unknown.", e);
        }
    }

    private async Task CreateTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(Ddl, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>
    /// Whether an exception means the store could not do its work: the database could not be reached
    /// (refused, reset, timed out, shutting down) or refused the statement (a permission, a full disk).
    /// Npgsql's exceptions do not cross grain boundaries, so none of them leaves the store as it is.
    /// </summary>
    private static bool IsUnreachable(Exception e) => e is NpgsqlException or SocketException or TimeoutException;
}
