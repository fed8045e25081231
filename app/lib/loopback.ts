// Whether a client address is this computer's own (the loopback interface), as Node reports addresses: IPv4,
// IPv6, and IPv4 mapped into IPv6 ("::ffff:127.0.0.1").

export function isLoopbackAddress(address: string): boolean {
  const ipv4 = address.toLowerCase().replace(/^::ffff:/, "");
  // The whole of 127.0.0.0/8 is loopback, not only 127.0.0.1.
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4)) return true;
  return address === "::1" || address === "0:0:0:0:0:0:0:1";
}
