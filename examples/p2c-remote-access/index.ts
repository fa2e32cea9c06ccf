// Entry point for `pulumi up` with a Node.js language host. Offline, run the same program through the Automation
// API (see test/provider/p2c-remote-access.test.ts), which needs no language host.
import { p2cRemoteAccess } from "./program";

export = p2cRemoteAccess();
