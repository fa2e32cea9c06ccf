import { describe, expect, it } from "vitest";
import { useEmulator, createGateway, activeGateway, createCustomerGateway, createConnection } from "./helpers";

const env = useEmulator();

describe("smoke", () => {
  it("creates the S2C chain", async () => {
    const gw = await createGateway(env.vpn);
    expect(gw.id).toBeTruthy();
    const active = await activeGateway(env.vpn);
    expect(active.eip1.ip_address).toBeTruthy();
    const cgw = await createCustomerGateway(env.vpn);
    const conn = await createConnection(env.vpn, active, cgw);
    expect(conn.style).toBe("STATIC");
    const shown: any = await env.vpn.showVpnConnection({ vpn_connection_id: conn.id } as any);
    expect(shown.vpn_connection.status).toBe("DOWN");
    const list: any = await env.vpn.listVpnConnections({} as any);
    expect(list.vpn_connections.length).toBe(1);
  });
});
