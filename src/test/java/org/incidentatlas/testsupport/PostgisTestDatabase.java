package org.incidentatlas.testsupport;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway PostgreSQL + PostGIS server for tests.
 *
 * <p>One server per JVM, started lazily on the first {@link #shared()} call and stopped and deleted by a JVM shutdown
 * hook. Each test gets its own fresh database from {@link #createDatabase(String)}, with the {@code postgis} extension
 * already created, so tests never see each other's data.
 *
 * <p>Where the server comes from:
 * <ul>
 *   <li>{@code INCIDENT_TEST_DB_URL} (optionally {@code INCIDENT_TEST_DB_USER}, {@code INCIDENT_TEST_DB_PASSWORD}) set:
 *       that existing server is used; databases are created on it with {@code CREATE DATABASE} and dropped again
 *       (best effort) when the JVM exits. The user needs the {@code CREATEDB} privilege and the server needs PostGIS.</li>
 *   <li>otherwise a cluster is created with the local PostgreSQL binaries ({@code initdb} + {@code pg_ctl}) under
 *       {@code target/pgtest-<random>} (or {@code /tmp/incident-atlas-pgtest-<random>} when the {@code postgres} OS user
 *       cannot reach the project directory, or when the socket path would be too long), listening on a free port on
 *       127.0.0.1. The bin dir is {@code INCIDENT_TEST_PG_BINDIR} / system property {@code incident.test.pg.bindir} if
 *       given, else {@code pg_config --bindir}, else the highest {@code /usr/lib/postgresql/<ver>/bin} that has
 *       PostGIS. When the JVM runs as root, the binaries run as the {@code postgres} OS user via {@code runuser}.</li>
 * </ul>
 *
 * <p>When PostgreSQL or PostGIS is not installed locally, {@link #shared()} aborts the calling test (JUnit assumption,
 * reported as skipped) with a loud message on stderr, except when the environment has {@code CI=true}, where it throws
 * {@link IllegalStateException} so the build fails. A server that is installed but fails to start, or a configured
 * {@code INCIDENT_TEST_DB_URL} that cannot be used, always throws {@link IllegalStateException} (with the logs).
 */
public final class PostgisTestDatabase {

    /** Connection info of one database created for a test. */
    public record DbCoordinates(String jdbcUrl, String user, String password) {
    }

    private static final String ENV_URL = "INCIDENT_TEST_DB_URL";
    private static final String ENV_USER = "INCIDENT_TEST_DB_USER";
    private static final String ENV_PASSWORD = "INCIDENT_TEST_DB_PASSWORD";
    private static final String ENV_BINDIR = "INCIDENT_TEST_PG_BINDIR";
    private static final String PROP_BINDIR = "incident.test.pg.bindir";

    private static final String SUPERUSER = "postgres";
    private static final String OS_USER = "postgres";
    private static final String TEMPLATE_DB = "incident_atlas_postgis_template";
    private static final String LOCAL_DIR_PREFIX = "pgtest-";
    private static final String TMP_DIR_PREFIX = "incident-atlas-pgtest-";
    /** sun_path is 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final int LOG_TAIL_CHARS = 12_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicBoolean SHOUTED_ON_CONSOLE = new AtomicBoolean();

    private final String adminJdbcUrl;
    private final String user;
    private final String password;
    /** null for an external server: there, every database gets CREATE EXTENSION itself. */
    private final String templateDb;
    private final boolean external;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> createdDatabases = new CopyOnWriteArrayList<>();
    /** The local cluster this server runs in; null for an external server. */
    private final LocalCluster cluster;

    private PostgisTestDatabase(String adminJdbcUrl, String user, String password, String templateDb,
                                boolean external, LocalCluster cluster) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.user = user;
        this.password = password;
        this.templateDb = templateDb;
        this.external = external;
        this.cluster = cluster;
    }

    // ------------------------------------------------------------------------------------------------ public API

    /**
     * The shared server of this JVM, started on first use. When PostGIS is unavailable: aborts the calling test via
     * JUnit Assumptions ({@code org.opentest4j.TestAbortedException}) with a loud message printed to stderr, except
     * when env {@code CI=true}, where it throws {@link IllegalStateException} so the build fails.
     */
    public static PostgisTestDatabase shared() {
        Outcome outcome = Holder.OUTCOME;
        if (outcome.database() != null) {
            return outcome.database();
        }
        if (outcome.unavailable() && !isCi()) {
            shout(banner("POSTGIS TESTS SKIPPED", outcome.message(), true));
            Assumptions.abort("PostGIS unavailable, test skipped: " + outcome.message()
                    + " (set CI=true to make this a failure)");
        }
        String prefix = outcome.unavailable()
                ? "PostGIS is unavailable and CI=true, so this is a failure, not a skip: "
                : "Could not provide the PostGIS test database: ";
        shout(banner("POSTGIS TEST DATABASE FAILED", outcome.message(), outcome.unavailable()));
        throw new IllegalStateException(prefix + outcome.message(), outcome.cause());
    }

    /**
     * A server of its own, for a test that stops and starts it (database outages): a new local cluster with the same
     * skip-or-fail rule as {@link #shared()}; aborted when the tests use an external server, which a test must not stop.
     * {@link #close()} stops it and deletes its files (a shutdown hook does too).
     */
    public static PostgisTestDatabase startPrivate() {
        if (shared().external) {
            Assumptions.abort("a test that stops PostgreSQL needs a local cluster, not " + ENV_URL);
        }
        try {
            return LocalCluster.startNew("private");
        } catch (UnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Stops this local server: {@code immediate} is a crash (no checkpoint), otherwise a fast shutdown. */
    public void stopServer(boolean immediate) {
        localCluster().stop(immediate ? "immediate" : "fast");
    }

    /** Starts this local server again on the same port. */
    public void startServer() {
        localCluster().start();
    }

    /**
     * A hot standby of this local server, streaming from it: {@code pg_basebackup -R -X stream} into a cluster of its
     * own (the initdb defaults already let 127.0.0.1 connect for replication, and {@code wal_level} is {@code replica}),
     * started on a port of its own. It has this server's databases ({@link #sameDatabase}), read-only until
     * {@link #promote()}.
     */
    public PostgisTestDatabase startStandby() {
        return localCluster().standby();
    }

    /** Promotes this standby to a primary that takes writes (after its primary failed). */
    public void promote() {
        localCluster().run(60, "pg_ctl", "-D", localCluster().dataDir.toString(), "-w", "promote");
    }

    /** The database of {@code onOther} (created on the primary of this standby, or on its standby) on this server. */
    public DbCoordinates sameDatabase(DbCoordinates onOther) {
        String url = onOther.jdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        String name = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return new DbCoordinates(withDatabase(adminJdbcUrl, name), onOther.user(), onOther.password());
    }

    /** Stops this local server and deletes its cluster. */
    public void close() {
        localCluster().stopAndDelete();
    }

    private LocalCluster localCluster() {
        if (cluster == null) {
            throw new IllegalStateException("not a local cluster: " + adminJdbcUrl);
        }
        return cluster;
    }

    /**
     * Creates a fresh, empty database with {@code CREATE EXTENSION postgis} already done and returns its connection
     * info. The name is derived from {@code nameHint} (lower-cased, reduced to {@code [a-z0-9_]}, shortened) and made
     * unique.
     */
    public DbCoordinates createDatabase(String nameHint) {
        String name = uniqueName(nameHint);
        try (Connection admin = connect(adminJdbcUrl); Statement st = admin.createStatement()) {
            if (templateDb != null) {
                st.execute("CREATE DATABASE " + quoteIdent(name) + " TEMPLATE " + quoteIdent(templateDb));
            } else {
                st.execute("CREATE DATABASE " + quoteIdent(name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + " failed on " + adminJdbcUrl + ": "
                    + e.getMessage(), e);
        }
        createdDatabases.add(name);
        String url = withDatabase(adminJdbcUrl, name);
        if (templateDb == null) {
            try (Connection c = connect(url); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            } catch (SQLException e) {
                throw new IllegalStateException("CREATE EXTENSION postgis failed in " + url
                        + " (is PostGIS installed on that server?): " + e.getMessage(), e);
            }
        }
        return new DbCoordinates(url, user, password);
    }

    @Override
    public String toString() {
        return "PostgisTestDatabase[" + adminJdbcUrl + (external ? ", external" : ", local") + "]";
    }

    // ------------------------------------------------------------------------------------------------ startup

    /** Result of the one start attempt of this JVM: either a database, or why there is none. */
    private record Outcome(PostgisTestDatabase database, boolean unavailable, String message, Throwable cause) {
        static Outcome ok(PostgisTestDatabase db) {
            return new Outcome(db, false, null, null);
        }

        static Outcome unavailable(String message) {
            return new Outcome(null, true, message, null);
        }

        static Outcome failed(String message, Throwable cause) {
            return new Outcome(null, false, message, cause);
        }
    }

    /** Lazily started singleton (initialised on the first {@link #shared()} call, thread-safe by class init). */
    private static final class Holder {
        private static final Outcome OUTCOME = start();

        private Holder() {
        }
    }

    /** Signals that PostgreSQL/PostGIS is not installed (skip locally, fail in CI). */
    private static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    private static Outcome start() {
        try {
            String externalUrl = env(ENV_URL);
            if (externalUrl != null) {
                return Outcome.ok(startExternal(externalUrl));
            }
            return Outcome.ok(LocalCluster.startNew("shared"));
        } catch (UnavailableException e) {
            return Outcome.unavailable(e.getMessage());
        } catch (RuntimeException | Error e) {
            return Outcome.failed(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        }
    }

    private static PostgisTestDatabase startExternal(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(ENV_URL + " must be a jdbc:postgresql: URL, got: " + url);
        }
        String user = Optional.ofNullable(env(ENV_USER)).orElse(SUPERUSER);
        String password = Optional.ofNullable(System.getenv(ENV_PASSWORD)).orElse("");
        PostgisTestDatabase db = new PostgisTestDatabase(url, user, password, null, true, null);
        try (Connection c = db.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                throw new IllegalStateException("The server at " + ENV_URL + "=" + url
                        + " has no PostGIS extension available (pg_available_extensions).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + ENV_URL + "=" + url + " as " + user + ": "
                    + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(db::dropCreatedDatabases, "postgis-test-db-cleanup"));
        return db;
    }

    private void dropCreatedDatabases() {
        try (Connection admin = connect(adminJdbcUrl); Statement st = admin.createStatement()) {
            for (String name : createdDatabases) {
                try {
                    st.execute("DROP DATABASE IF EXISTS " + quoteIdent(name) + " WITH (FORCE)");
                } catch (SQLException e) {
                    System.err.println("[PostgisTestDatabase] could not drop " + name + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("[PostgisTestDatabase] could not drop test databases: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ local cluster

    /** A cluster made by initdb from the local binaries. */
    private static final class LocalCluster {
        private final Path binDir;
        private final Path clusterDir;
        private final Path dataDir;
        private final Path harnessLog;
        private final Path serverLog;
        private final boolean runAsPostgres;
        private int port = -1;

        private LocalCluster(Path binDir, Path clusterDir, boolean runAsPostgres) {
            this.binDir = binDir;
            this.clusterDir = clusterDir;
            this.dataDir = clusterDir.resolve("data");
            this.harnessLog = clusterDir.resolve("harness.log");
            this.serverLog = clusterDir.resolve("postgres.log");
            this.runAsPostgres = runAsPostgres;
        }

        /** The shared cluster (which first removes clusters that dead test JVMs left), or a private one. */
        static PostgisTestDatabase startNew(String kind) throws UnavailableException {
            Path binDir = findBinDir();
            boolean root = isRoot();
            if (root) {
                requireRunAsPostgresPossible();
            }
            Path basedir = Path.of("").toAbsolutePath();
            Path targetDir = basedir.resolve("target");
            if (kind.equals("shared")) {
                removeStaleClusters(binDir, root, targetDir);
            }

            Path clusterDir = createClusterDir(targetDir, root);
            LocalCluster cluster = new LocalCluster(binDir, clusterDir, root);
            try {
                return cluster.initAndStart();
            } catch (RuntimeException e) {
                String logs = cluster.logs();
                cluster.stopAndDelete();
                throw new IllegalStateException(e.getMessage() + "\n" + logs, e);
            }
        }

        private PostgisTestDatabase initAndStart() {
            writeString(clusterDir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
            run(120, "initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                    "--no-locale", "--no-sync");
            // initdb made dataDir (owned by the user it ran as); the settings go into postgresql.conf.
            String socketDir = dataDir.toString().replace("'", "''");
            String settings = "\n# --- added by PostgisTestDatabase ---\n"
                    + "listen_addresses = '127.0.0.1'\n"
                    + "unix_socket_directories = '" + socketDir + "'\n"
                    + "fsync = off\n"
                    + "synchronous_commit = off\n"
                    + "full_page_writes = off\n"
                    + "max_connections = 200\n"
                    + "shared_buffers = 64MB\n"
                    + "logging_collector = off\n";
            appendString(dataDir.resolve("postgresql.conf"), settings);

            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndDelete, "postgis-test-cluster-stop"));

            RuntimeException last = null;
            for (int attempt = 1; attempt <= 3 && port < 0; attempt++) {
                int candidate = freePort();
                try {
                    run(120, "pg_ctl", "-D", dataDir.toString(), "-l", serverLog.toString(), "-w", "-t", "90",
                            "-o", "-p " + candidate, "start");
                    port = candidate;
                } catch (RuntimeException e) {
                    last = e;
                    boolean portClash = readTail(serverLog).contains("could not bind")
                            || readTail(serverLog).contains("already in use");
                    if (!portClash) {
                        throw e;
                    }
                    stopQuietly();
                }
            }
            if (port < 0) {
                throw last;
            }
            String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            PostgisTestDatabase db = new PostgisTestDatabase(adminUrl, SUPERUSER, "", TEMPLATE_DB, false, this);
            createTemplate(db, port);
            return db;
        }

        private void createTemplate(PostgisTestDatabase db, int port) {
            try (Connection admin = db.connect(db.adminJdbcUrl); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + quoteIdent(TEMPLATE_DB));
            } catch (SQLException e) {
                throw new IllegalStateException("Cluster started on port " + port + " but CREATE DATABASE failed: "
                        + e.getMessage(), e);
            }
            String templateUrl = withDatabase(db.adminJdbcUrl, TEMPLATE_DB);
            try (Connection c = db.connect(templateUrl); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION postgis");
            } catch (SQLException e) {
                throw new IllegalStateException("CREATE EXTENSION postgis failed in the local cluster: "
                        + e.getMessage(), e);
            }
            try (Connection admin = db.connect(db.adminJdbcUrl); Statement st = admin.createStatement()) {
                st.execute("ALTER DATABASE " + quoteIdent(TEMPLATE_DB) + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not mark the PostGIS template database: " + e.getMessage(), e);
            }
        }

        /** Stops the server (immediate mode) and deletes the cluster directory; never throws. */
        private synchronized void stopAndDelete() {
            stopQuietly();
            deleteRecursively(clusterDir);
        }

        /** A standby cluster made from this one by pg_basebackup, started. */
        private PostgisTestDatabase standby() {
            Path clusterDir = createClusterDir(Path.of("").toAbsolutePath().resolve("target"), runAsPostgres);
            LocalCluster standby = new LocalCluster(binDir, clusterDir, runAsPostgres);
            try {
                writeString(clusterDir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
                // -R writes primary_conninfo and standby.signal: a hot standby streaming from this server
                standby.run(300, "pg_basebackup", "-D", standby.dataDir.toString(), "-R", "-X", "stream", "-c", "fast",
                        "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER);
                // the copied postgresql.conf names the primary's socket directory: the standby gets its own
                appendString(standby.dataDir.resolve("postgresql.conf"), "\n# --- standby (PostgisTestDatabase) ---\n"
                        + "unix_socket_directories = '" + standby.dataDir.toString().replace("'", "''") + "'\n"
                        + "hot_standby = on\n");
                Runtime.getRuntime().addShutdownHook(new Thread(standby::stopAndDelete, "postgis-test-standby-stop"));
                standby.port = freePort();
                standby.start();
            } catch (RuntimeException e) {
                String logs = standby.logs();
                standby.stopAndDelete();
                throw new IllegalStateException(e.getMessage() + "\n" + logs, e);
            }
            return new PostgisTestDatabase("jdbc:postgresql://127.0.0.1:" + standby.port + "/postgres", SUPERUSER, "", TEMPLATE_DB,
                    false, standby);
        }

        private void stop(String mode) {
            run(60, "pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "stop");
        }

        private void start() {
            run(120, "pg_ctl", "-D", dataDir.toString(), "-l", serverLog.toString(), "-w", "-t", "90",
                    "-o", "-p " + port, "start");
        }

        private void stopQuietly() {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                try {
                    run(60, "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    System.err.println("[PostgisTestDatabase] pg_ctl stop failed: " + e.getMessage());
                }
            }
        }

        /** Runs one binary of binDir (as postgres when we are root), output appended to harness.log. */
        private void run(int timeoutSeconds, String program, String... args) {
            List<String> cmd = command(binDir, runAsPostgres, program, args);
            appendString(harnessLog, "\n$ " + String.join(" ", cmd) + "\n");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(clusterDir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(harnessLog.toFile()));
            pb.environment().put("LC_ALL", "C");
            pb.environment().remove("PGDATA");
            pb.environment().remove("PGPORT");
            pb.environment().remove("PGHOST");
            int exit = execute(pb, timeoutSeconds, String.join(" ", cmd));
            if (exit != 0) {
                throw new IllegalStateException("`" + String.join(" ", cmd) + "` exited with " + exit
                        + " (cluster dir " + clusterDir + ")");
            }
        }

        private String logs() {
            return "----- " + harnessLog + " (tail) -----\n" + readTail(harnessLog)
                    + "\n----- " + serverLog + " (tail) -----\n" + readTail(serverLog)
                    + "\n----- end of logs -----";
        }

        // ---------------------------------------------------------------------------------- discovery and setup

        private static Path findBinDir() throws UnavailableException {
            String override = Optional.ofNullable(System.getProperty(PROP_BINDIR)).filter(s -> !s.isBlank())
                    .orElse(env(ENV_BINDIR));
            if (override != null) {
                Path dir = Path.of(override).toAbsolutePath();
                if (!hasServerBinaries(dir)) {
                    throw new UnavailableException("No initdb/pg_ctl/postgres in " + dir + " (from " + ENV_BINDIR
                            + " / -D" + PROP_BINDIR + ").");
                }
                if (findSharedir(dir).isEmpty()) {
                    throw new UnavailableException("PostgreSQL in " + dir + " has no PostGIS (no "
                            + "extension/postgis.control in its sharedir).");
                }
                return dir;
            }
            List<Path> candidates = new ArrayList<>();
            captureOutput(List.of("pg_config", "--bindir")).map(Path::of).ifPresent(candidates::add);
            candidates.addAll(versionedBinDirs());
            List<Path> withServer = candidates.stream().filter(LocalCluster::hasServerBinaries).distinct().toList();
            if (withServer.isEmpty()) {
                throw new UnavailableException("No PostgreSQL server binaries found (tried `pg_config --bindir` and "
                        + "/usr/lib/postgresql/*/bin). Install e.g. postgresql-15-postgis-3, or set " + ENV_BINDIR
                        + " or " + ENV_URL + ".");
            }
            for (Path dir : withServer) {
                if (findSharedir(dir).isPresent()) {
                    return dir;
                }
            }
            throw new UnavailableException("PostgreSQL found in " + withServer + " but PostGIS is not installed "
                    + "(no extension/postgis.control in the sharedir). Install e.g. postgresql-15-postgis-3.");
        }

        /** /usr/lib/postgresql/<ver>/bin, highest version first. */
        private static List<Path> versionedBinDirs() {
            Path root = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> versions = Files.list(root)) {
                return versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble(
                                (Path p) -> Double.parseDouble(p.getFileName().toString())).reversed())
                        .map(p -> p.resolve("bin"))
                        .toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        private static boolean hasServerBinaries(Path dir) {
            return Stream.of("initdb", "pg_ctl", "postgres").allMatch(b -> Files.isExecutable(dir.resolve(b)));
        }

        /** The sharedir of the PostgreSQL in binDir, if it has extension/postgis.control. */
        private static Optional<Path> findSharedir(Path binDir) {
            List<Path> candidates = new ArrayList<>();
            if (Files.isExecutable(binDir.resolve("pg_config"))) {
                captureOutput(List.of(binDir.resolve("pg_config").toString(), "--sharedir")).map(Path::of)
                        .ifPresent(candidates::add);
            }
            // pg_config on PATH, but only if it describes this very installation
            Optional<String> pathBinDir = captureOutput(List.of("pg_config", "--bindir"));
            if (pathBinDir.isPresent() && samePath(Path.of(pathBinDir.get()), binDir)) {
                captureOutput(List.of("pg_config", "--sharedir")).map(Path::of).ifPresent(candidates::add);
            }
            majorVersion(binDir).ifPresent(v -> candidates.add(Path.of("/usr/share/postgresql", v)));
            Path parent = binDir.getParent();
            if (parent != null) {
                candidates.add(parent.resolve("share"));               // e.g. /usr/local/pgsql/share
                candidates.add(parent.resolve("share/postgresql"));    // e.g. /usr/share/postgresql
            }
            return candidates.stream()
                    .filter(dir -> Files.isRegularFile(dir.resolve("extension/postgis.control")))
                    .findFirst();
        }

        /** "15" from `postgres --version` ("postgres (PostgreSQL) 15.14 (Debian ...)"). */
        private static Optional<String> majorVersion(Path binDir) {
            return captureOutput(List.of(binDir.resolve("postgres").toString(), "--version"))
                    .map(s -> s.replaceFirst("^[^0-9]*", ""))
                    .map(s -> s.replaceFirst("[^0-9].*$", ""))
                    .filter(s -> !s.isEmpty());
        }

        private static boolean samePath(Path a, Path b) {
            try {
                return a.toRealPath().equals(b.toRealPath());
            } catch (IOException e) {
                return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
            }
        }

        private static void requireRunAsPostgresPossible() throws UnavailableException {
            if (findRunuser() == null) {
                throw new UnavailableException("The tests run as root, and initdb/postgres refuse to run as root, "
                        + "but `runuser` (util-linux) was not found to run them as the `" + OS_USER + "` user.");
            }
            try {
                lookupUser(OS_USER);
            } catch (IOException e) {
                throw new UnavailableException("The tests run as root, and initdb/postgres refuse to run as root, "
                        + "but there is no `" + OS_USER + "` OS user to run them as.");
            }
        }

        /**
         * Makes target/pgtest-<random> (or /tmp/incident-atlas-pgtest-<random> when postgres can't use the former,
         * or the socket path would be too long), owned by the OS user that runs the server.
         */
        private static Path createClusterDir(Path targetDir, boolean root) {
            String suffix = randomHex(6);
            Path local = targetDir.resolve(LOCAL_DIR_PREFIX + suffix);
            if (socketPathFits(local)) {
                try {
                    Files.createDirectories(targetDir);
                    Files.createDirectory(local);
                    setOwnerOnly(local);
                    if (!root) {
                        return local;
                    }
                    chownToPostgres(local);
                    if (postgresCanUse(local)) {
                        return local;
                    }
                    deleteRecursively(local);
                } catch (IOException | RuntimeException e) {
                    deleteRecursively(local);
                }
            }
            try {
                Path tmp = Files.createTempDirectory(Path.of("/tmp"), TMP_DIR_PREFIX);
                setOwnerOnly(tmp);
                if (root) {
                    chownToPostgres(tmp);
                }
                return tmp;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a directory for the test cluster", e);
            }
        }

        private static boolean socketPathFits(Path clusterDir) {
            return clusterDir.resolve("data").resolve(".s.PGSQL.65535").toString()
                    .getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
        }

        /** As root: can the postgres user traverse to and write into dir? */
        private static boolean postgresCanUse(Path dir) {
            List<String> cmd = List.of(findRunuser(), "-u", OS_USER, "--", "test", "-x", dir.toString(), "-a", "-w",
                    dir.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            try {
                return execute(pb, 30, String.join(" ", cmd)) == 0;
            } catch (RuntimeException e) {
                return false;
            }
        }

        /**
         * Clusters left behind by JVMs that were killed before their shutdown hook ran: stop and delete them.
         */
        private static void removeStaleClusters(Path binDir, boolean root, Path targetDir) {
            List<Path> dirs = new ArrayList<>();
            collect(targetDir, LOCAL_DIR_PREFIX, dirs);
            collect(Path.of("/tmp"), TMP_DIR_PREFIX, dirs);
            for (Path dir : dirs) {
                Path ownerFile = dir.resolve("owner.pid");
                try {
                    if (!Files.isRegularFile(ownerFile)) {
                        continue;
                    }
                    long owner = Long.parseLong(Files.readString(ownerFile).trim());
                    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    new LocalCluster(binDir, dir, root).stopAndDelete();
                } catch (IOException | RuntimeException e) {
                    // not ours, or racing with another cleaner: leave it
                }
            }
        }

        private static void collect(Path parent, String prefix, List<Path> into) {
            if (!Files.isDirectory(parent)) {
                return;
            }
            try (Stream<Path> s = Files.list(parent)) {
                s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                        .forEach(into::add);
            } catch (IOException e) {
                // ignore
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "20");
        return DriverManager.getConnection(url, props);
    }

    private String uniqueName(String nameHint) {
        String base = nameHint == null ? "" : nameHint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (base.isEmpty()) {
            base = "db";
        }
        if (!Character.isLetter(base.charAt(0))) {
            base = "t_" + base;
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        // <= 40 + 1 + 5 + 1 + 8 = 55 < 63 (NAMEDATALEN - 1)
        return base + "_" + counter.incrementAndGet() + "_" + randomHex(4);
    }

    /** Replaces the database of a jdbc:postgresql: URL, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("Not a jdbc:postgresql: URL: " + url);
        }
        String rest = url.substring(prefix.length());
        int q = rest.indexOf('?');
        String params = q >= 0 ? rest.substring(q) : "";
        String location = q >= 0 ? rest.substring(0, q) : rest;
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            String hosts = slash >= 0 ? location.substring(0, slash) : location;
            return prefix + hosts + "/" + database + params;
        }
        return prefix + database + params;
    }

    static String quoteIdent(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    private static List<String> command(Path binDir, boolean runAsPostgres, String program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (runAsPostgres) {
            cmd.add(findRunuser());
            cmd.add("-u");
            cmd.add(OS_USER);
            cmd.add("--");
        }
        cmd.add(binDir.resolve(program).toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int execute(ProcessBuilder pb, int timeoutSeconds, String description) {
        try {
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("`" + description + "` timed out after " + timeoutSeconds + " s");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run `" + description + "`", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running `" + description + "`", e);
        }
    }

    /** stdout of a short command, trimmed; empty if it cannot run or fails. */
    private static Optional<String> captureOutput(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String findRunuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (uid instanceof Integer i) {
                return i == 0;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static UserPrincipal lookupUser(String name) throws IOException {
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        return lookup.lookupPrincipalByName(name);
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(OS_USER));
        try {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(OS_USER);
            view.setGroup(group);
        } catch (IOException e) {
            // no postgres group: owner is enough
        }
    }

    private static void setOwnerOnly(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[PostgisTestDatabase] could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on 127.0.0.1", e);
        }
    }

    private static String readTail(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return "(no " + file.getFileName() + ")";
            }
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() <= LOG_TAIL_CHARS ? s : "..." + s.substring(s.length() - LOG_TAIL_CHARS);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void writeString(Path file, String s) {
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendString(Path file, String s) {
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Prints to System.err on every call (Surefire files that under the test's output), and once per JVM also straight
     * to the process's real stderr, which reaches the Maven console even with {@code redirectTestOutputToFile}.
     */
    private static void shout(String text) {
        System.err.println(text);
        System.err.flush();
        if (SHOUTED_ON_CONSOLE.compareAndSet(false, true)) {
            try {
                FileOutputStream nativeErr = new FileOutputStream(FileDescriptor.err);
                nativeErr.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                nativeErr.flush();
            } catch (IOException e) {
                // System.err got it already
            }
        }
    }

    private static String banner(String title, String message, boolean installHint) {
        String line = "*".repeat(100);
        String hint = installHint
                ? "*** Install PostgreSQL + PostGIS (Debian: apt-get install postgresql-15-postgis-3), or point "
                        + ENV_URL + " at a server with PostGIS.\n"
                : "";
        return "\n" + line + "\n*** " + title + "\n*** " + message + "\n" + hint + line + "\n";
    }
}
