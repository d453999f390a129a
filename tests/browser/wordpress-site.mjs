// A real WordPress on loopback, for the WordPress tests (wordpress.mjs): Debian's `wordpress`
// package (6.1), run from a scratch copy of /usr/share/wordpress by PHP's built-in server, on a
// MariaDB server of its own (a scratch data folder and socket, no network), installed with its
// default theme, an administrator and an author. Nothing of the machine's own configuration is
// read or written: no /etc/wordpress, no system database, no service started.
//
// scripts/setup.sh installs the packages (wordpress, wordpress-theme-twentytwentythree,
// mariadb-server, php-cli, php-mysql).

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';

export const WORDPRESS = '/usr/share/wordpress';
const THEME = 'twentytwentythree';
const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p)) ?? 'mariadbd';

/** Says what to install unless Debian's WordPress, MariaDB and PHP are there. */
export function checkWordPress() {
  const missing = [
    [join(WORDPRESS, 'wp-settings.php'), 'wordpress'],
    [join(WORDPRESS, 'wp-content', 'themes', THEME, 'theme.json'), 'wordpress-theme-twentytwentythree'],
    [MARIADBD, 'mariadb-server'],
    ['/usr/bin/php', 'php-cli'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length) throw new Error(`WordPress's test needs Debian's ${missing.map(([, p]) => p).join(', ')}; run scripts/setup.sh`);
}

/** A free port on 127.0.0.1 (PHP's server needs one named; the race with another taker is not a
 * concern on a test machine). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(what, check, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() - started > timeoutMs) throw new Error(`WordPress's test: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const php = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Starts MariaDB and WordPress in `scratch`; resolves to { origin, host, author: { user,
 * password }, close() }, `author.password` being an application password for WordPress's REST API.
 */
export async function startWordPress(scratch) {
  checkWordPress();
  const children = [];
  const close = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  };
  try {
    // The database: a data folder of its own, reached by a socket only.
    const data = join(scratch, 'mariadb');
    const socket = join(scratch, 'mariadb.sock');
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=socket', '--skip-test-db', ...asRoot], { stdio: 'ignore' });
    const db = spawn(MARIADBD, ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', `--pid-file=${join(scratch, 'mariadb.pid')}`, `--log-error=${join(scratch, 'mariadb.log')}`, '--innodb-buffer-pool-size=16M', ...asRoot], { stdio: 'ignore' });
    children.push(db);
    const sql = (statements) => execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-u', process.getuid?.() === 0 ? 'root' : process.env.USER, '-e', statements], { stdio: 'pipe' });
    await until('MariaDB starting', () => (sql('SELECT 1'), true));
    sql("CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';");

    // WordPress: Debian's files, its configuration ours (Debian's reads /etc/wordpress by host name).
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const root = join(scratch, 'wordpress');
    const content = join(scratch, 'wp-content');
    cpSync(WORDPRESS, root, { recursive: true, verbatimSymlinks: true });
    mkdirSync(join(content, 'themes'), { recursive: true });
    mkdirSync(join(content, 'plugins'), { recursive: true });
    cpSync(join(WORDPRESS, 'wp-content', 'themes', THEME), join(content, 'themes', THEME), { recursive: true });
    writeFileSync(
      join(root, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', ${php(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', ${php(content)});
define('WP_HOME', ${php(origin)});
define('WP_SITEURL', ${php(origin)});
// Application passwords (the author's REST access) without HTTPS, as on a developer's machine.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    // What the package's Apache rewrite rules do: an address that is no file goes to WordPress.
    writeFileSync(
      join(root, 'router.php'),
      `<?php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if ($path !== '/' && (is_file(__DIR__ . $path) || is_dir(__DIR__ . $path))) return false;
require __DIR__ . '/index.php';
`,
    );
    // Installed as WordPress's installer does it, then an author: a user who may publish posts but
    // not write unfiltered HTML (WordPress filters an author's posts and embeds).
    writeFileSync(
      join(scratch, 'install.php'),
      `<?php
define('WP_INSTALLING', true);
require ${php(join(root, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter('pre_wp_mail', '__return_false');
wp_install('Loopback News', 'admin', 'admin@example.invalid', false, '', wp_generate_password(24));
switch_theme(${php(THEME)});
$author = wp_insert_user(['user_login' => 'author', 'user_pass' => wp_generate_password(24), 'user_email' => 'author@example.invalid', 'role' => 'author']);
if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message()); exit(1); }
[$password] = WP_Application_Passwords::create_new_application_password($author, ['name' => 'tests']);
echo json_encode(['user' => 'author', 'password' => $password]);
`,
    );
    const author = JSON.parse(execFileSync('php', [join(scratch, 'install.php')], { encoding: 'utf8', env: { ...process.env, HTTP_HOST: `127.0.0.1:${port}` } }));

    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root, join(root, 'router.php')], { stdio: 'ignore', cwd: root });
    children.push(server);
    await until('PHP serving WordPress', async () => (await fetch(`${origin}/`)).ok);
    /** Installs and activates a plugin (a single PHP file), as an administrator would. */
    const activate = (file) => {
      const name = basename(file);
      cpSync(file, join(content, 'plugins', name));
      const out = execFileSync('php', ['-r', `define('WP_ADMIN', true); require ${php(join(root, 'wp-load.php'))}; require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin(${php(name)}); echo is_wp_error($r) ? $r->get_error_message() : 'active';`], { encoding: 'utf8' });
      if (out.trim() !== 'active') throw new Error(`WordPress did not activate ${name}: ${out}`);
    };
    return { origin, host: `127.0.0.1:${port}`, author, activate, close };
  } catch (err) {
    await close();
    throw err;
  }
}
