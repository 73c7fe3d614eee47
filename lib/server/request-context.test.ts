import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { clientAddress } from './request-context'
import { recordSocketAddresses, SOCKET_ADDRESS_HEADER } from './socket-address'

describe('the client address and TRUSTED_PROXIES', () => {
  const forged = '6.6.6.6, 7.7.7.7'

  it('0 (no proxy): the socket, whatever X-Forwarded-For the client writes', () => {
    expect(clientAddress({ socketAddress: '203.0.113.5', forwardedFor: forged, trustedProxies: 0 })).toBe(
      '203.0.113.5',
    )
    expect(clientAddress({ socketAddress: '203.0.113.5', forwardedFor: null, trustedProxies: 0 })).toBe(
      '203.0.113.5',
    )
  })

  it('1: the entry the proxy appended, not those the client wrote before it', () => {
    // The client sent "6.6.6.6, 7.7.7.7"; the proxy (10.0.0.2, the socket) appended 203.0.113.5.
    expect(
      clientAddress({ socketAddress: '10.0.0.2', forwardedFor: `${forged}, 203.0.113.5`, trustedProxies: 1 }),
    ).toBe('203.0.113.5')
  })

  it('2: the entry appended by the outer proxy, the inner one being the socket', () => {
    expect(
      clientAddress({
        socketAddress: '10.0.0.3',
        forwardedFor: `${forged}, 203.0.113.5, 10.0.0.2`,
        trustedProxies: 2,
      }),
    ).toBe('203.0.113.5')
  })

  it('gives the leftmost entry of a chain shorter than the proxies, and masks what is not an address', () => {
    expect(clientAddress({ socketAddress: '203.0.113.5', forwardedFor: null, trustedProxies: 2 })).toBe(
      '203.0.113.5',
    )
    expect(
      clientAddress({
        socketAddress: '10.0.0.2',
        forwardedFor: `<script>${'x'.repeat(5000)}`,
        trustedProxies: 1,
      }),
    ).toBe('invalid')
    expect(clientAddress({ socketAddress: '::ffff:192.0.2.7', forwardedFor: null, trustedProxies: 0 })).toBe(
      '192.0.2.7',
    )
    expect(clientAddress({ socketAddress: null, forwardedFor: forged, trustedProxies: 0 })).toBe('unknown')
  })
})

describe('the socket address header', () => {
  it('is written by the server over whatever the client sent under its name', async () => {
    recordSocketAddresses()
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((request, response) => {
      seen.push(request.headers)
      response.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [SOCKET_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' },
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
    expect(seen[0]?.[SOCKET_ADDRESS_HEADER]).toBe('127.0.0.1')
    expect(seen[0]?.['x-forwarded-for']).toBe('7.7.7.7')
  })
})
