/**
 * The documented error table (api-s2c.md §1.4, api-p2c-common.md §11: ZH 7.3 / EN A.3), written once: the emulator
 * answers with these statuses and messages, and the SDK classifies errors by their `meaning`.
 */

export interface ErrorTableEntry {
  readonly status: number;
  readonly message: string;
  /**
   * How a client should treat the code: the resource does not exist; it is busy or not ready yet (try again when
   * it settles); the service is busy (the request was not processed; retry after a back-off).
   */
  readonly meaning?: "notFound" | "notReady" | "busy";
}

/**
 * HTTP status and message of every documented code. `%s` placeholders are filled in order by `apiError`.
 * Messages are the literal `错误信息` text of the appendix.
 */
export const ERROR_TABLE: Readonly<Record<string, ErrorTableEntry>> = {
  "VPN.0001": { status: 400, message: "invalid request: %s" },
  "VPN.0002": { status: 500, message: "server error: %s" },
  "VPN.0003": { status: 403, message: "Authentication failed: %s" },
  "VPN.0004": { status: 404, message: "resource not found", meaning: "notFound" },
  "VPN.0030": { status: 400, message: "The system is busy, please try later.", meaning: "busy" },
  "VPN.0031": { status: 400, message: "Repeated operation.", meaning: "notReady" },
  "VPN.0070": { status: 400, message: "The key algorithm of the certificate %s is not supported." },
  "VPN.0071": { status: 400, message: "The signature algorithm of the certificate %s is not supported." },
  "VPN.0072": { status: 400, message: "Certificate %s has expired." },
  "VPN.0073": { status: 400, message: "Certificate %s has not taken effect." },
  "VPN.0074": { status: 400, message: "The format of the certificate %s is invalid." },
  "VPN.0075": { status: 400, message: "The content of the certificate %s is invalid." },
  "VPN.0076": { status: 400, message: "Certificate %s is not a CA certificate." },
  "VPN.0077": { status: 400, message: "Duplicate certificate: %s." },
  "VPN.0500": { status: 400, message: "VPC %s is not found." },
  "VPN.0501": { status: 400, message: "Interconnection subnet %s is not found." },
  "VPN.0502": { status: 400, message: "Interconnection subnet %s has insufficient available IP addresses." },
  "VPN.0503": { status: 400, message: "Interconnection subnet %s does not belong to the VPC %s." },
  "VPN.0504": { status: 400, message: "The number of connections exceeds the upper limit defined by the specification." },
  "VPN.0505": { status: 400, message: "Gateway resources are insufficient." },
  "VPN.0506": { status: 400, message: "The gateway is being created, please try again later.", meaning: "notReady" },
  "VPN.0507": { status: 400, message: "The gateway is being updated, please try again later.", meaning: "notReady" },
  "VPN.0508": { status: 400, message: "The gateway is being deleted.", meaning: "notReady" },
  "VPN.0509": { status: 404, message: "The gateway does not exist.", meaning: "notFound" },
  "VPN.0510": { status: 500, message: "The gateway status is abnormal." },
  "VPN.0511": { status: 500, message: "The gateway is not ready.", meaning: "notReady" },
  "VPN.0512": { status: 400, message: "The gateway already has an EIP bound." },
  "VPN.0513": { status: 400, message: "Insufficient gateway quota." },
  "VPN.0514": { status: 400, message: "Two AZs must be specified." },
  "VPN.0515": { status: 400, message: "Duplicate AZs." },
  "VPN.0550": { status: 400, message: "The EIP bandwidth exceeds the upper limit defined by the specification." },
  "VPN.0551": { status: 400, message: "EIP %s is not found." },
  "VPN.0552": { status: 400, message: "EIP %s is frozen." },
  "VPN.0553": { status: 400, message: "EIP %s has been bound to an instance." },
  "VPN.0554": { status: 400, message: "EIP %s does not have exclusive bandwidth." },
  "VPN.0558": { status: 400, message: "Incomplete EIP parameters." },
  "VPN.0559": { status: 400, message: "EIP parameter conflict." },
  "VPN.0560": { status: 400, message: "EIP quota not enough." },
  "VPN.0562": { status: 400, message: "The current gateway version does not support %s feature." },
  "VPN.0563": { status: 404, message: "The connection does not exists.", meaning: "notFound" },
  "VPN.1100": { status: 400, message: "The server certificate cannot be empty." },
  "VPN.1101": { status: 400, message: "At least one client CA certificate is required." },
  "VPN.1102": { status: 400, message: "The number of servers exceeds the upper limit." },
  "VPN.1103": { status: 400, message: "CIDR block %s is invalid." },
  "VPN.1104": { status: 400, message: "CIDR block %s is unavailable." },
  "VPN.1105": { status: 400, message: "The number of local subnets exceeds the upper limit." },
  "VPN.1106": { status: 400, message: "Duplicate local subnet: %s." },
  "VPN.1107": { status: 400, message: "The mask length of the client CIDR block must in the range of 16 to 26." },
  "VPN.1108": {
    status: 400,
    message:
      "The number of IP addresses in the client CIDR block is less than the number of IP addresses required by gateway connections.",
  },
  "VPN.1109": { status: 400, message: "The client CIDR block conflicts with the VPC route %s." },
  "VPN.1110": { status: 400, message: "The status of server certificate %s is abnormal." },
  "VPN.1111": { status: 400, message: "The number of client CA certificates exceeds the upper limit." },
  "VPN.1112": { status: 400, message: "Server certificate %s is not found." },
  "VPN.1113": { status: 400, message: "The server is being created, please try again later.", meaning: "notReady" },
  "VPN.1114": { status: 400, message: "The server is being updated, please try again later.", meaning: "notReady" },
  "VPN.1115": { status: 404, message: "Client CA certificate %s does not exist.", meaning: "notFound" },
  "VPN.1116": { status: 404, message: "The server does not exist.", meaning: "notFound" },
  "VPN.1117": { status: 500, message: "The server status is abnormal." },
  "VPN.1118": { status: 400, message: "The local CIDR block cannot be empty." },
  "VPN.1119": { status: 400, message: "The client CIDR block conflicts with the local CIDR block %s." },
  "VPN.1121": { status: 400, message: "Gateway not bind eip." },
  "VPN.1122": { status: 400, message: "There are users on the server. Delete them first." },
  "VPN.1123": { status: 400, message: "There are user groups on the server. Delete them first." },
  "VPN.1124": { status: 400, message: "There are access policies on the server. Delete them first." },
  "VPN.1125": { status: 400, message: "There are client CA certificates on the server. Delete them first." },
  "VPN.1300": { status: 400, message: "The user group name already exists." },
  "VPN.1301": { status: 404, message: "The user group does not exist.", meaning: "notFound" },
  "VPN.1302": { status: 400, message: "The username already exists." },
  "VPN.1303": { status: 404, message: "The user does not exist.", meaning: "notFound" },
  "VPN.1304": { status: 400, message: "The user %s has been added to another user group." },
  "VPN.1305": { status: 400, message: "The user %s is not in the current user group." },
  "VPN.1306": { status: 400, message: "The number of user groups exceeds the upper limit (50)." },
  "VPN.1307": { status: 400, message: "The number of users exceeds the upper limit." },
  "VPN.1308": { status: 400, message: "The password complexity does not meet requirements." },
  "VPN.1309": { status: 400, message: "The password cannot be the username or the reverse of the username." },
  "VPN.1310": { status: 400, message: "The password contains invalid characters." },
  "VPN.1311": { status: 400, message: "The new password cannot be the same as the old one." },
  "VPN.1312": { status: 400, message: "The old password is incorrect." },
  "VPN.1313": {
    status: 400,
    message: "The user group has been associated with an access policy. Delete the access policy first.",
  },
  "VPN.1314": { status: 400, message: "The password is weak." },
  "VPN.1315": { status: 400, message: "Duplicate user %s." },
  "VPN.1316": { status: 400, message: "Operations on the default user group are not allowed." },
  "VPN.1317": { status: 400, message: "The username is unavailable." },
  "VPN.1318": { status: 400, message: "User list is empty." },
  "VPN.1400": { status: 400, message: "The number of access policies exceeds the upper limit (100)." },
  "VPN.1401": { status: 400, message: "The access policy does not exist.", meaning: "notFound" },
  "VPN.1402": { status: 400, message: "The number of destination CIDR blocks exceeds the upper limit." },
  "VPN.1403": { status: 400, message: "The destination CIDR block %s is invalid." },
  "VPN.1404": { status: 400, message: "Duplicate destination CIDR block %s" },
  "VPN.1801": { status: 400, message: "You have orders in progress and cannot perform the current operation.", meaning: "notReady" },
  // API Gateway layer (signing.md §12; api-p2c-common.md §2.7).
  "APIGW.0301": { status: 401, message: "Incorrect IAM authentication information: %s" },
  "APIGW.0101": { status: 404, message: "The API does not exist or has not been published in the environment" },
  "APIGW.0308": { status: 429, message: "The throttling threshold has been reached: %s" },
};

/** The codes of the table with a given meaning. */
export function codesMeaning(meaning: NonNullable<ErrorTableEntry["meaning"]>): ReadonlySet<string> {
  return new Set(Object.entries(ERROR_TABLE).filter(([, e]) => e.meaning === meaning).map(([code]) => code));
}
