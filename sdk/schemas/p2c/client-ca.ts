/** Client CA certificates of a VPN server (ZH/EN §4.2.2.6–4.2.2.10): check, import, get, update (name), delete. */
import { z } from "zod";
import { clientCaContentPem, clientCaName } from "../../rules/p2c";
import { requestId, timestamp, wrapped } from "../shared";
import { createdIdResponse, RequestIdResponse } from "./fields";
import { refineValue } from "./refine";

const caNameField = z.string().superRefine(refineValue(clientCaName));

/** A client CA certificate in a request: `name` ("generated when omitted", `ca-cert-xxxx`) and PEM `content`. */
export const ClientCaCertificateIn = z.strictObject({
  name: caNameField.optional(),
  content: z.string().superRefine(refineValue(clientCaContentPem)),
});
export type ClientCaCertificateIn = z.input<typeof ClientCaCertificateIn>;

/** Certificate facts the service parses out of a certificate (C1 response, and inside C3 / server objects). */
export const certificateFactFields = {
  name: z.string().optional(),
  issuer: z.string().optional(),
  subject: z.string().optional(),
  serial_number: z.string().optional(),
  expiration_time: timestamp.optional(),
  signature_algorithm: z.string().optional(),
};

/** QueryClientCaCertificateBody (ZH T4-196 / EN T4-205). The content is never returned. */
export const ClientCaCertificate = z.looseObject({
  id: z.string(),
  ...certificateFactFields,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type ClientCaCertificate = z.output<typeof ClientCaCertificate>;

// C1 check (not scoped to a server; flat response without request_id)
export const CheckClientCaCertificateRequest = z.strictObject({ client_ca_certificate: ClientCaCertificateIn });
export type CheckClientCaCertificateRequest = z.input<typeof CheckClientCaCertificateRequest>;
export const CheckClientCaCertificateResponse = z.looseObject({
  ...certificateFactFields,
  request_id: requestId.optional(),
});
export type CheckClientCaCertificateResponse = z.output<typeof CheckClientCaCertificateResponse>;

// C2 import
export const ImportClientCaRequest = z.strictObject({ client_ca_certificate: ClientCaCertificateIn });
export type ImportClientCaRequest = z.input<typeof ImportClientCaRequest>;
export const ImportClientCaResponse = createdIdResponse("client_ca_certificate");
export type ImportClientCaResponse = z.output<typeof ImportClientCaResponse>;

// C3 get
export const ShowClientCaResponse = wrapped("client_ca_certificate", ClientCaCertificate);
export type ShowClientCaResponse = z.output<typeof ShowClientCaResponse>;

// C4 update: only the name can change
export const UpdateClientCaRequest = z.strictObject({
  client_ca_certificate: z.strictObject({ name: caNameField.optional() }),
});
export type UpdateClientCaRequest = z.input<typeof UpdateClientCaRequest>;
export const UpdateClientCaResponse = RequestIdResponse;
export type UpdateClientCaResponse = z.output<typeof UpdateClientCaResponse>;
