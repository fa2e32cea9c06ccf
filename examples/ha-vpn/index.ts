// Entry point for `pulumi up` with a Node.js language host (root Pulumi.yaml). Offline, `npm run demo` runs the
// same program through the Automation API.
import { haVpn } from "./program";

export = haVpn();
