import type { AttachLink, FormView } from './matcher.ts';
import type { PersonName } from './normalize-person.ts';
import { label } from './text.ts';
import { PERSON_FACTOR } from './thresholds.ts';

type PersonForm = FormView<PersonName>;

/**
 * Attach incomplete names to the clusters of full names, only when exactly one cluster fits:
 * - "J. Smith" → the one cluster holding a J… Smith (John Smith and James Smith → ambiguous, left alone)
 * - "John S." → the one cluster holding a John S…; failing any, "Smith John R." → the one cluster
 *   holding "John R. Smith" (Last First Middle-initial order)
 * - "Grace" → the one cluster with Grace as first name or surname
 *
 * @example evidence: 'initial J. matches John (only candidate)'
 */
export function attachPartialNames(forms: readonly PersonForm[], componentOf: (id: number) => number): AttachLink[] {
  const byFirst = new Map<string, PersonForm[]>();
  const byLast = new Map<string, PersonForm[]>();
  const byTokens = new Map<string, PersonForm[]>();
  for (const form of forms) {
    if (form.name.shape !== 'full') continue;
    push(byFirst, form.name.first, form);
    push(byLast, form.name.last, form);
    push(byTokens, form.name.tokens.join(' '), form);
  }

  const links: AttachLink[] = [];
  for (const form of forms) {
    const name = form.name;
    if (name.shape === 'first-initial') {
      const candidates = (byLast.get(name.last) ?? []).filter(
        (c) => c.name.first.startsWith(name.first) && suffixesAgree(name, c.name) && middlesAgree(name, c.name),
      );
      const target = onlyCluster(candidates, componentOf);
      if (target) {
        const firsts = distinct(target.members.map((c) => label(c.name.first)));
        const text = firsts.length === 1 ? `${firsts[0]} (only candidate)` : `${firsts.join(', ')} (one cluster)`;
        links.push(link(form, target.best, PERSON_FACTOR.uniqueInitial, `initial ${label(name.first)}. matches ${text}`));
      }
    } else if (name.shape === 'last-initial') {
      const candidates = (byFirst.get(name.first) ?? []).filter(
        (c) => c.name.last.startsWith(name.last) && suffixesAgree(name, c.name) && middlesAgree(name, c.name),
      );
      const target = onlyCluster(candidates, componentOf);
      if (target) {
        const lasts = distinct(target.members.map((c) => label(c.name.last)));
        links.push(link(form, target.best, PERSON_FACTOR.uniqueInitial, `surname initial ${label(name.last)}. matches ${lasts.join(', ')} (only candidate)`));
      } else if (candidates.length === 0 && name.middle.length > 0) {
        // "Smith John R.": legacy exports write Last First Middle-initial. Read that way it is a full
        // name, which joins the one cluster holding exactly that name.
        const rotated = [...name.middle, name.last, name.first].join(' ');
        const same = onlyCluster(byTokens.get(rotated) ?? [], componentOf);
        if (same) links.push(link(form, same.best, PERSON_FACTOR.uniqueInitial, `"Last First Middle" order: ${form.label} read as ${same.best.label}`));
      }
    } else if (name.shape === 'single') {
      const asFirst = byFirst.get(name.first) ?? [];
      const asLast = byLast.get(name.first) ?? [];
      const target = onlyCluster([...asFirst, ...asLast], componentOf);
      if (target) {
        const role = asFirst.length > 0 ? (asLast.length > 0 ? 'first name or surname' : 'first name') : 'surname';
        links.push(
          link(form, target.best, PERSON_FACTOR.uniqueSingleName, `single name ${label(name.first)} matches the ${role} of ${target.best.label} (only candidate)`),
        );
      }
    }
  }
  return links;
}

function push(map: Map<string, PersonForm[]>, key: string, form: PersonForm): void {
  const list = map.get(key);
  if (list) list.push(form);
  else map.set(key, [form]);
}

/** The candidates' single cluster, or null when there are none or several. */
function onlyCluster(
  candidates: readonly PersonForm[],
  componentOf: (id: number) => number,
): { members: PersonForm[]; best: PersonForm } | null {
  if (candidates.length === 0) return null;
  const component = componentOf(candidates[0]!.id);
  if (candidates.some((c) => componentOf(c.id) !== component)) return null;
  const members = [...new Set(candidates)].sort((p, q) => q.count - p.count || p.label.localeCompare(q.label));
  return { members, best: members[0]! };
}

function suffixesAgree(a: PersonName, b: PersonName): boolean {
  return a.suffix === '' || b.suffix === '' || a.suffix === b.suffix;
}

function middlesAgree(a: PersonName, b: PersonName): boolean {
  const shared = Math.min(a.middle.length, b.middle.length);
  for (let i = 0; i < shared; i++) if (a.middle[i]![0] !== b.middle[i]![0]) return false;
  return true;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function link(from: PersonForm, to: PersonForm, score: number, evidence: string): AttachLink {
  return { from: from.id, to: to.id, score, evidence: [evidence] };
}
