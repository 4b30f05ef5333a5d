import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_NAME, defaultConfig, findConfig, loadConfig } from '../../src/config/config.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { ConfigError } from '../../src/model/errors.js';
import { lint, resolveConfig, severities } from '../../src/lint.js';

let root: string;
const write = (rel: string, text: string): string => {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return abs;
};
/** The one-line message of the ConfigError thrown by `fn`. */
const configError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message.replace(root, '<root>');
  }
  throw new Error('no ConfigError');
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'protokit-config-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('finding the config', () => {
  it('walks up from the set to the nearest protokit.config.yaml', () => {
    const config = write(`repo/${CONFIG_NAME}`, 'rules: {}\n');
    mkdirSync(join(root, 'repo/protocols/national/agencies'), { recursive: true });
    expect(findConfig(join(root, 'repo/protocols/national/agencies'))).toBe(config);
    expect(findConfig(join(root, 'repo'))).toBe(config);
  });

  it('starts from the folder of a file, and from a path that does not exist yet', () => {
    const config = write(`files/${CONFIG_NAME}`, '');
    const doc = write('files/set/framework.md', '---\nkind: framework\n---\n');
    expect(findConfig(doc)).toBe(config);
    expect(findConfig(join(root, 'files/set/missing.md'))).toBe(config);
  });

  it('the nearest wins', () => {
    write(`nested/${CONFIG_NAME}`, '');
    const inner = write(`nested/set/${CONFIG_NAME}`, '');
    expect(findConfig(join(root, 'nested/set'))).toBe(inner);
  });

  it('resolveConfig: --config (relative to cwd) wins over the one found by walking up', () => {
    write(`explicit/${CONFIG_NAME}`, 'rules: { ref/unknown: warning }\n');
    write('explicit/other.yaml', 'rules: { ref/unknown: off }\n');
    expect(resolveConfig(['.'], join(root, 'explicit'), undefined).rules).toEqual({ 'ref/unknown': 'warning' });
    expect(resolveConfig(['.'], join(root, 'explicit'), 'other.yaml').rules).toEqual({ 'ref/unknown': 'off' });
  });
});

describe('reading the config', () => {
  it('a full config', () => {
    const file = write('full.yaml', `# protokit settings
ignore: ["drafts/**", archive/*.md]
rules:
  definitions/avoid: off
  plan/horizons: error
limits: { maxFileSize: 1000, maxAliases: 5 }
render: { lang: es, professions: [police-officer] }
notes: Reviewed by the secretariat.
x-owner: secretariat
`);
    expect(loadConfig(file)).toEqual({
      file,
      ignore: ['drafts/**', 'archive/*.md'],
      rules: { 'definitions/avoid': 'off', 'plan/horizons': 'error' },
      limits: { ...DEFAULT_LIMITS, maxFileSize: 1000, maxAliases: 5 },
      render: { lang: 'es', professions: ['police-officer'] },
    });
  });

  it('an empty file (or only comments) is the default config', () => {
    expect(loadConfig(write('empty.yaml', ''))).toEqual({ ...defaultConfig(), file: join(root, 'empty.yaml') });
    expect(loadConfig(write('comments.yaml', '# nothing yet\n')).rules).toEqual({});
  });

  it('a missing file', () => {
    expect(configError(() => loadConfig(join(root, 'nope.yaml')))).toBe('Cannot read the config file <root>/nope.yaml: no such file');
  });

  it('a folder instead of a file', () => {
    mkdirSync(join(root, 'a-folder'), { recursive: true });
    expect(configError(() => loadConfig(join(root, 'a-folder')))).toBe('Cannot read the config file <root>/a-folder: it is a folder, not a file');
  });

  it('invalid YAML: file, line and column', () => {
    expect(configError(() => loadConfig(write('bad-yaml.yaml', 'rules:\n  ref/unknown: [off\n')))).toMatch(/^<root>\/bad-yaml\.yaml:3:1: the config file is not valid YAML \(.+\): fix the syntax$/);
  });

  it('a duplicate key', () => {
    expect(configError(() => loadConfig(write('dup.yaml', 'ignore: []\nignore: [a]\n')))).toMatch(/^<root>\/dup\.yaml:2:1: the config file is not valid YAML \(Map keys must be unique\)/);
  });

  it('an unknown key: where, and did you mean', () => {
    expect(configError(() => loadConfig(write('typo.yaml', 'ignore: []\nrulez: {}\n')))).toBe(
      '<root>/typo.yaml:2:1: invalid config: Unknown key `rulez`: did you mean `rules`? Otherwise remove it, or rename it `x-rulez` to keep it as an extension',
    );
  });

  it('a bad severity: where, and the allowed values', () => {
    expect(configError(() => loadConfig(write('severity.yaml', 'rules:\n  ref/unknown: warn\n')))).toBe(
      '<root>/severity.yaml:2:16: invalid config: `warn` is not allowed in `ref/unknown`: did you mean `warning`? Use one of `off`, `warning`, `error`',
    );
  });

  it('a limit of the wrong type', () => {
    expect(configError(() => loadConfig(write('limits.yaml', 'limits:\n  maxFiles: lots\n')))).toBe('<root>/limits.yaml:2:13: invalid config: `lots` in `maxFiles` should be a whole number');
  });

  it('a file that is not a mapping', () => {
    expect(configError(() => loadConfig(write('list.yaml', '- rules\n')))).toBe(
      '<root>/list.yaml:1:1: invalid config: the file should be a mapping of keys to values (`ignore`, `rules`, `limits`, `render`), or empty',
    );
  });

  it('an unknown rule id is a ConfigError with a did-you-mean (from config or --rule)', () => {
    const config = loadConfig(write('unknown-rule.yaml', 'rules:\n  ref/unknwn: off\n'));
    expect(configError(() => severities(config))).toBe('Unknown rule `ref/unknwn`: did you mean `ref/unknown`? (`protokit rules` lists them)');
    expect(configError(() => severities(defaultConfig(), { 'yaml/sintax': 'off' }))).toBe('Unknown rule `yaml/sintax`: did you mean `yaml/syntax`? (`protokit rules` lists them)');
    const oddName = loadConfig(write('odd-rule.yaml', 'rules:\n  Ref/Unknown: off\n'));
    expect(configError(() => severities(oddName))).toBe('Unknown rule `Ref/Unknown`: did you mean `ref/unknown`? (`protokit rules` lists them)');
  });

  it('--rule overrides the config', () => {
    const config = loadConfig(write('override.yaml', 'rules:\n  ref/unknown: off\n'));
    expect(severities(config, { 'ref/unknown': 'warning' }).get('ref/unknown')).toBe('warning');
  });
});

describe('config in a run', () => {
  const agency = '---\nkind: agency\nid: police\nname: Police\nsector: police\ntype: government\nroles:\n  - { id: r, title: R, profession: nobody }\n---\n';

  it('the config found by walking up sets severities; `limits` apply', async () => {
    write(`run/${CONFIG_NAME}`, 'rules:\n  ref/unknown: warning\n  set/framework: off\nlimits: { maxFileSize: 100000 }\n');
    write('run/set/agencies/police.md', agency);
    const result = await lint({ paths: ['set'], mode: 'check', cwd: join(root, 'run') });
    expect(result.config.file).toBe(join(root, 'run', CONFIG_NAME));
    expect(result.diagnostics.filter((d) => d.ruleId === 'ref/unknown' || d.ruleId === 'set/framework').map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['ref/unknown warning']);
  });

  it('an invalid config stops the run with a ConfigError', async () => {
    write(`broken/${CONFIG_NAME}`, 'rules: [\n');
    write('broken/set/a.md', agency);
    await expect(lint({ paths: ['set'], mode: 'validate', cwd: join(root, 'broken') })).rejects.toThrow(ConfigError);
  });
});
