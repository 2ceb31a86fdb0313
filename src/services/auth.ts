import Taro from '@tarojs/taro';
import { CloudError } from './cloud-error';
import { readJson } from './transport';

/**
 * Dev sign-in against the local cloud (H5 only): its demo users and the bearer token it hands out.
 * On WeChat identity comes from the platform and none of this is used.
 */
const TOKEN_KEY = 'chuangke.devToken';

export interface DemoUser {
  key: string;
  name: string;
  description: string;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called whenever the token changes, so cached identity (useMe) can refetch. */
export function onAuthChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(): void {
  for (const listener of [...listeners]) listener();
}

export function getToken(): string | null {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof token === 'string' && token !== '' ? token : null;
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  emit();
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  emit();
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const body = await request('/dev/users', { method: 'GET' });
  const users = (body as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw new CloudError('INTERNAL');
  return users.filter(isDemoUser);
}

export async function signInAs(key: string): Promise<{ token: string; user: { key: string; name: string } }> {
  const body = await request('/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ as: key }),
  });
  const { token, user } = (body ?? {}) as { token?: unknown; user?: { key?: unknown; name?: unknown } };
  if (typeof token !== 'string' || typeof user?.key !== 'string' || typeof user.name !== 'string') {
    throw new CloudError('INTERNAL');
  }
  setToken(token);
  return { token, user: { key: user.key, name: user.name } };
}

async function request(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new CloudError('NETWORK');
  }
  return readJson(response);
}

function isDemoUser(value: unknown): value is DemoUser {
  const u = value as Partial<DemoUser> | null;
  return typeof u?.key === 'string' && typeof u.name === 'string' && typeof u.description === 'string';
}
