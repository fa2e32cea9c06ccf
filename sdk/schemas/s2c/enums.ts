/**
 * S2C value sets, numeric limits and documented defaults, as data. The request schemas, the rule functions, the
 * resource kinds and the emulator read them from here; nothing else spells these values out.
 * "[ZH]" = only the Chinese 2024-07 edition (seed 000), "[EN]" = only the English 2025-07 edition (seed 001).
 */

// ---- VPN gateway (ZH/EN 4.1.1.1 Table 4-3) ----
export const NETWORK_TYPES = ["public", "private"] as const;
export const ATTACHMENT_TYPES = ["vpc", "er"] as const;
/** [EN] only `ipv4`. */
export const IP_VERSIONS = ["ipv4"] as const;
export const HA_MODES = ["active-active", "active-standby"] as const;
/** Create flavors: union of ZH (all six) and EN (Professional1, Professional2). */
export const GATEWAY_FLAVORS = [
  "Basic",
  "Professional1",
  "Professional2",
  "Professional1-NonFixedIP",
  "Professional2-NonFixedIP",
  "GM",
] as const;
/** Change-specification targets (ZH/EN 4.1.1.5): GM is not a target. */
export const SPEC_CHANGE_FLAVORS = [
  "Basic",
  "Professional1",
  "Professional2",
  "Professional1-NonFixedIP",
  "Professional2-NonFixedIP",
] as const;
/** Flavors that take a `policy_template` (ZH 4.1.1.4). */
export const NON_FIXED_IP_FLAVORS = ["Professional1-NonFixedIP", "Professional2-NonFixedIP"] as const;
/** Deprecated flavors still returned (ZH 4.1.1.1 Table 4-7): "该取值已经废弃，但仍然保留兼容性支持". */
export const DEPRECATED_FLAVORS = ["v300", "v1g"] as const;
export const GATEWAY_STATUSES = [
  "PENDING_CREATE",
  "PENDING_UPDATE",
  "PENDING_DELETE",
  "ACTIVE",
  "FAULT",
  "FREEZED",
] as const;

/** EIP bandwidth caps per flavor (ZH 4.1.1.1 Table 4-4; EN gives P1 and P2). NonFixedIP caps are not documented. */
export const BANDWIDTH_CAP_BY_FLAVOR: Readonly<Record<string, number>> = {
  Basic: 100,
  Professional1: 300,
  Professional2: 1000,
  GM: 500,
};
export const EIP_CHARGE_MODES = ["bandwidth", "traffic"] as const;
export const BANDWIDTH_SIZE = { min: 1, max: 1000 } as const;
export const EIP_TYPE_MAX_LENGTH = 36;
export const BGP_ASN = { min: 1, max: 4294967295 } as const;
export const MAX_LOCAL_SUBNETS = 50;
export const MAX_AVAILABILITY_ZONES = 2;

/**
 * [ZH] Flavor availability by region (ZH 4.1.1.1 `flavor`). The docs name regions by display name only; the
 * region ids are the project's mapping of those names (not from the docs). NonFixedIP flavors appear in no list;
 * GW-09 takes them as offered wherever their fixed-IP family is.
 */
export const FLAVORS_BY_REGION: Readonly<Record<string, { readonly name: string; readonly flavors: readonly string[] }>> = {
  "cn-north-9": { name: "华北-乌兰察布一", flavors: ["Basic", "Professional1", "Professional2", "GM"] },
  "cn-south-1": { name: "华南-广州", flavors: ["Basic", "Professional1", "Professional2"] },
  "cn-north-4": { name: "华北-北京四", flavors: ["Basic", "Professional1", "Professional2"] },
  "cn-east-3": { name: "华东-上海一", flavors: ["Basic", "Professional1", "Professional2"] },
  "cn-southwest-2": { name: "西南-贵阳一", flavors: ["Basic", "Professional1", "Professional2"] },
  "ap-southeast-1": { name: "中国-香港", flavors: ["Professional1", "Professional2"] },
  "ap-southeast-2": { name: "亚太-曼谷", flavors: ["Professional1", "Professional2"] },
  "ap-southeast-3": { name: "亚太-新加坡", flavors: ["Professional1", "Professional2"] },
  "ap-southeast-4": { name: "亚太-雅加达", flavors: ["Professional1", "Professional2"] },
  "eu-west-101": { name: "欧洲-都柏林", flavors: ["Professional1", "Professional2"] },
  "ae-ad-1": { name: "中东-阿布扎比-OP5", flavors: ["Professional1", "Professional2"] },
  "la-north-2": { name: "拉美-墨西哥城二", flavors: ["Professional1", "Professional2"] },
  "tr-west-1": { name: "土耳其-伊斯坦布尔", flavors: ["Professional1", "Professional2"] },
};

/** Gateway `policy_template` value sets (ZH 4.1.1.2 Tables 4-16..4-18, 4.1.1.4 Tables 4-32..4-34). */
export const TEMPLATE_ENCRYPTION_ALGORITHMS = ["aes-256-gcm-16", "aes-128-gcm-16", "aes-256", "aes-192", "aes-128"] as const;
export const TEMPLATE_AUTHENTICATION_ALGORITHMS = ["sha2-512", "sha2-384", "sha2-256"] as const;
export const TEMPLATE_DH_GROUPS = ["group14", "group15", "group16", "group19", "group20", "group21", "disable"] as const;

// ---- GM gateway certificate [ZH] (ZH 4.1.1.8-4.1.1.10) ----
export const CERTIFICATE_STATUSES = ["BOUND", "FAULT", "BINDING"] as const;
export const CERT_NAME_PATTERN = /^[0-9A-Za-z\u4e00-\u9fa5_.-]{3,63}$/;
export const CERT_PEM_MAX = 4096;
export const CERT_CHAIN_MAX = 8192;

// ---- Customer gateway (ZH/EN 4.1.2.1) ----
/** [ZH] ip, fqdn; [EN] ip. */
export const CGW_ID_TYPES = ["ip", "fqdn"] as const;
export const CGW_ID_VALUE_MAX = 128;
export const CA_CERT_CONTENT_MAX = 8192;
/** Characters refused in FQDN identifiers: "不支持以下特殊字符：&、<、>、[、]、\、空格、？". */
export const FQDN_FORBIDDEN = /[&<>[\]\\ ?？]/;

// ---- VPN connection (ZH/EN 4.1.3.1) ----
/** Request values are lower case; [ZH] adds policy-template. */
export const CONNECTION_STYLES = ["policy", "static", "bgp", "policy-template"] as const;
/** Response values (upper case). */
export const CONNECTION_STYLES_OUT = ["POLICY", "STATIC", "BGP", "POLICY-TEMPLATE"] as const;
export const CONNECTION_STATUSES = [
  "ERROR",
  "ACTIVE",
  "DOWN",
  "PENDING_CREATE",
  "PENDING_UPDATE",
  "PENDING_DELETE",
  "FREEZED",
  "UNKNOWN",
] as const;
export const HA_ROLES = ["master", "slave"] as const;
export const MAX_PEER_SUBNETS = 50;
/** "部分网段是VPC预留网段，不能作为对端子网，比如100.64.0.0/10，214.0.0.0/8" (the list is "for example"). */
export const RESERVED_PEER_SUBNETS = ["100.64.0.0/10", "214.0.0.0/8"] as const;
export const MAX_POLICY_RULES = 5;
export const MAX_RULE_DESTINATIONS = 50;
export const RULE_INDEX = { min: 0, max: 50 } as const;
export const MAX_BATCH_CONNECTIONS = 2;

export const PSK_LENGTH = { min: 8, max: 128 } as const;
/** PSK specials (create, both editions; EN update): `~!@#$%^()-_+={},./:;`. */
export const PSK_SPECIALS = "~!@#$%^()-_+={},./:;";

export const IKE_VERSIONS = ["v1", "v2"] as const;
export const PHASE1_MODES = ["main", "aggressive"] as const;
/** Non-GM algorithms plus the [ZH] GM ones (sm3 / sm4). */
export const AUTH_ALGORITHMS = ["sha2-512", "sha2-384", "sha2-256", "sha1", "md5", "sm3"] as const;
export const ENCRYPTION_ALGORITHMS = ["aes-256-gcm-16", "aes-128-gcm-16", "aes-256", "aes-192", "aes-128", "3des", "sm4"] as const;
export const GM_AUTH_ALGORITHMS = ["sm3"] as const;
export const GM_ENCRYPTION_ALGORITHMS = ["sm4"] as const;
export const DH_GROUPS = ["group1", "group2", "group5", "group14", "group15", "group16", "group19", "group20", "group21"] as const;
export const PFS_GROUPS = [...DH_GROUPS, "disable"] as const;
/** pre-share; [ZH] digital-envelope-v2 (GM digital envelope). */
export const AUTH_METHODS = ["pre-share", "digital-envelope-v2"] as const;
/** [ZH] ip, fqdn; [EN] ip. */
export const ID_TYPES = ["ip", "fqdn"] as const;
export const ID_MAX_LENGTH = 255;
export const IKE_LIFETIME = { min: 60, max: 604800 } as const;
export const IPSEC_LIFETIME = { min: 30, max: 604800 } as const;
export const DPD_TIMEOUT = { min: 2, max: 60 } as const;
export const DPD_INTERVAL = { min: 10, max: 3600 } as const;
export const DPD_MSGS = ["seq-hash-notify", "seq-notify-hash"] as const;
export const TRANSFORM_PROTOCOLS = ["esp"] as const;
export const ENCAPSULATION_MODES = ["tunnel"] as const;

/** "安全性较低，请慎用" (ZH) and EN's wider list (adds aes-128/192/256 CBC). */
export const WEAK_AUTH_ALGORITHMS = ["sha1", "md5"] as const;
export const WEAK_ENCRYPTION_ALGORITHMS = ["3des", "aes-128", "aes-192", "aes-256"] as const;
export const WEAK_DH_GROUPS = ["group1", "group2", "group5", "group14"] as const;

// ---- Connection monitor (ZH/EN 4.1.4) ----
export const MONITOR_STATUSES = ["ACTIVE", "PENDING_CREATE", "PENDING_DELETE"] as const;

/**
 * Documented defaults the service fills in (non-GM gateways). Request schemas encode them with `.default()` on
 * the innermost field; the rules read them when a field is absent. Fields only the English edition has
 * (`ip_version`, `enable_hub`) get no default, so that a parsed request stays valid for the Chinese-site edition.
 * GM gateways [ZH] use different defaults (`GM_CONNECTION_DEFAULTS`), which depend on the gateway, not the request.
 */
export const DEFAULTS = {
  gateway: {
    network_type: "public",
    attachment_type: "vpc",
    bgp_asn: 64512,
    flavor: "Professional1",
    enterprise_project_id: "0",
    ha_mode: "active-active",
  },
  eip: { charge_mode: "bandwidth" },
  customerGateway: { id_type: "ip" },
  connection: { style: "static", ha_role: "master", enable_nqa: false },
  ikepolicy: {
    ike_version: "v2",
    phase1_negotiation_mode: "main",
    authentication_algorithm: "sha2-256",
    encryption_algorithm: "aes-128",
    dh_group: "group15",
    authentication_method: "pre-share",
    lifetime_seconds: 86400,
    local_id_type: "ip",
    peer_id_type: "ip",
  },
  dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" },
  ipsecpolicy: {
    authentication_algorithm: "sha2-256",
    encryption_algorithm: "aes-128",
    pfs: "group15",
    transform_protocol: "esp",
    lifetime_seconds: 3600,
    encapsulation_mode: "tunnel",
  },
} as const;

/** [ZH] Defaults on GM gateways: v1, sm3, sm4; dh_group, pfs and the id fields are not used. */
export const GM_CONNECTION_DEFAULTS = {
  ikepolicy: { ike_version: "v1", phase1_negotiation_mode: "main", authentication_algorithm: "sm3", encryption_algorithm: "sm4" },
  ipsecpolicy: { authentication_algorithm: "sm3", encryption_algorithm: "sm4" },
  /** Fields a GM connection must not carry. */
  omit: ["ikepolicy.dh_group", "ikepolicy.local_id_type", "ikepolicy.local_id", "ikepolicy.peer_id_type", "ikepolicy.peer_id", "ipsecpolicy.pfs"],
} as const;
