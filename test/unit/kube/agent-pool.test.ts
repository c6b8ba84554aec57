import http from 'node:http';
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { keepAliveAgents } from '../../../src/kube/agent-pool.js';

const material = () => ({ ca: Buffer.from('CA'), cert: Buffer.from('CERT'), key: Buffer.from('KEY') });

describe('keepAliveAgents', () => {
  it('hands out one keep-alive agent while the TLS material is the same', () => {
    const reuse = keepAliveAgents();
    const first = reuse(new https.Agent(material()));
    const second = reuse(new https.Agent(material()));
    expect(second).toBe(first);
    expect(first).toBeInstanceOf(https.Agent);
    expect((first as https.Agent & { keepAlive: boolean }).keepAlive).toBe(true);
    expect((first as https.Agent & { options: https.AgentOptions }).options.cert).toEqual(Buffer.from('CERT'));
  });

  it('makes a new agent when a client certificate changes', () => {
    const reuse = keepAliveAgents();
    const first = reuse(new https.Agent(material()));
    const rotated = reuse(new https.Agent({ ...material(), cert: Buffer.from('CERT2') }));
    expect(rotated).not.toBe(first);
    expect(reuse(new https.Agent({ ...material(), cert: Buffer.from('CERT2') }))).toBe(rotated);
    expect(reuse(new https.Agent({ ...material(), cert: Buffer.from('CERT2'), rejectUnauthorized: false }))).not.toBe(rotated);
  });

  it('passes through other agents (a proxy) and no agent', () => {
    const reuse = keepAliveAgents();
    class ProxyAgent extends https.Agent {}
    const proxy = new ProxyAgent();
    const plain = new http.Agent();
    expect(reuse(proxy)).toBe(proxy);
    expect(reuse(plain)).toBe(plain);
    expect(reuse(undefined)).toBeUndefined();
  });
});
