import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../config/config.ts';

/** Fastify's trust function: hop 0 is the socket's peer, hop 1 the address that peer forwarded, and so on. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * The trust function behind `request.ip` and the incoming request id. Fastify's own hop count
 * trusts nobody, and `true` trusts the client's own left-most X-Forwarded-For, so both are built here.
 */
export function proxyTrust(setting: TrustProxy): ProxyTrust {
  if (setting === false) return () => false;
  if ('hops' in setting) return (_address, hop) => hop < setting.hops;
  const proxies = new BlockList();
  for (const entry of setting.addresses) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) proxies.addAddress(address, family);
    else proxies.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const plain = withoutIpv4Mapping(address);
    const family = isIP(plain);
    return family !== 0 && proxies.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; the configured networks are plain IPv4. */
function withoutIpv4Mapping(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}
