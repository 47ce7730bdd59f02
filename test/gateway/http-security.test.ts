import { describe, expect, it } from 'vitest';
import { hostnameOf, httpSecurity, isLoopback } from '../../src/gateway/http-security.js';

const base = { path: '/mcp', allowedOrigins: [], allowedHosts: [], maxBodyBytes: 1000 };
const req = (headers: Record<string, string>, url = '/mcp') => ({ method: 'POST', url, headers });

describe('http security checks', () => {
  it('recognises loopback binds and Host names', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.1.2.3')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('[::1]')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('10.0.0.1')).toBe(false);
    expect(hostnameOf('LocalHost:8080')).toBe('localhost');
    expect(hostnameOf('[::1]:80')).toBe('::1');
  });

  it('refuses to bind beyond loopback without a token', () => {
    expect(() => httpSecurity({ ...base, host: '0.0.0.0', tokens: [] })).toThrow(/requires at least one bearer token/);
  });

  it('blocks DNS rebinding (foreign Host) and foreign Origins on loopback', () => {
    const check = httpSecurity({ ...base, host: '127.0.0.1', tokens: [] });
    expect(check(req({ host: '127.0.0.1:9000' }))).toEqual({ ok: true });
    expect(check(req({ host: 'localhost:9000', origin: 'http://localhost:3000' }))).toEqual({ ok: true });
    expect(check(req({ host: 'evil.example:9000' }))).toMatchObject({ ok: false, status: 403 });
    expect(check(req({ host: '127.0.0.1:9000', origin: 'https://evil.example' }))).toMatchObject({ ok: false, status: 403 });
    expect(check(req({ host: '127.0.0.1:9000', origin: 'null' }))).toMatchObject({ ok: false, status: 403 });
    expect(check(req({ host: '127.0.0.1:9000' }, '/other'))).toMatchObject({ ok: false, status: 404 });
  });

  it('allows configured origins and hosts', () => {
    const check = httpSecurity({ ...base, host: '127.0.0.1', tokens: [], allowedOrigins: ['https://app.example.com'], allowedHosts: ['gw.internal'] });
    expect(check(req({ host: 'gw.internal', origin: 'https://app.example.com' }))).toEqual({ ok: true });
    expect(check(req({ host: 'gw.internal', origin: 'https://app.example.com.evil.test' }))).toMatchObject({ status: 403 });
  });

  it('requires a valid bearer token when tokens are configured, and names the principal', () => {
    const check = httpSecurity({ ...base, host: '0.0.0.0', tokens: [{ name: 'laptop', token: 's3cret-token-value' }] });
    expect(check(req({ host: 'gw:1' }))).toMatchObject({ ok: false, status: 401, headers: { 'www-authenticate': expect.stringContaining('Bearer') } });
    expect(check(req({ host: 'gw:1', authorization: 'Bearer wrong' }))).toMatchObject({ status: 401 });
    expect(check(req({ host: 'gw:1', authorization: 'Bearer s3cret-token-value' }))).toEqual({ ok: true, principal: 'laptop' });
  });

  it('rejects declared bodies over the limit', () => {
    const check = httpSecurity({ ...base, host: '127.0.0.1', tokens: [] });
    expect(check(req({ host: '127.0.0.1', 'content-length': '5000' }))).toMatchObject({ ok: false, status: 413 });
  });
});
