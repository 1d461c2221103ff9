import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings/settings';
import { useI18n } from './i18n';

/** Where Backstory runs: everywhere but the sites listed, or only on those. */
export function Sites({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (settings: Settings) => void;
}) {
  const listKey = settings.siteMode === 'allowed' ? 'allowedSites' : 'blockedSites';
  const t = useI18n();
  return (
    <section aria-labelledby="sites">
      <h2 id="sites">{t.t('options_sites')}</h2>
      <fieldset class="controls__group">
        <legend>{t.t('options_sites_where')}</legend>
        <label class="check">
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'all'}
            onChange={() => onChange({ ...settings, siteMode: 'all' })}
          />
          {t.t('options_sites_all')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="site-mode"
            checked={settings.siteMode === 'allowed'}
            onChange={() => onChange({ ...settings, siteMode: 'allowed' })}
          />
          {t.t('options_sites_allowed_only')}
        </label>
      </fieldset>
      <h3>
        {t.t(settings.siteMode === 'allowed' ? 'options_allowed_sites' : 'options_blocked_sites')}
      </h3>
      <SiteList
        name="site"
        sites={settings[listKey]}
        onChange={(sites) => onChange({ ...settings, [listKey]: sites })}
      />
    </section>
  );
}

/** A list of sites the reader edits: add by typing a host (or pasting an address), remove each. */
export function SiteList({
  name,
  sites,
  onChange,
}: {
  /** The input's name (forms and tests find it by this). */
  name: string;
  sites: string[];
  onChange: (sites: string[]) => void;
}) {
  const [host, setHost] = useState('');
  const t = useI18n();
  const add = () => {
    const site = host
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '')
      .replace(/^www\./, '');
    if (!/^[a-z0-9.-]{1,253}$/.test(site) || sites.includes(site)) return;
    onChange([...sites, site]);
    setHost('');
  };
  return (
    <>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label>
          {t.t('options_site')}{' '}
          <input
            value={host}
            name={name}
            placeholder="example.com"
            dir="ltr"
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t.t('options_add')}</button>
      </form>
      {sites.length === 0 ? (
        <p class="muted">{t.t('options_none_yet')}</p>
      ) : (
        <ul class="plain-list">
          {sites.map((site) => (
            <li key={site}>
              <bdi>{site}</bdi>{' '}
              <button
                type="button"
                aria-label={t.t('options_remove_named', site)}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                {t.t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
