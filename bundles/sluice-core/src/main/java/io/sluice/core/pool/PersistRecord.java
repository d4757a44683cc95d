package io.sluice.core.pool;

/**
 * One line of the {@code ifconfig-pool-persist} file, as text: {@code common_name,ipv4,ipv6},
 * either address possibly empty (pool.c {@code ifconfig_pool_read}, {@code ifconfig_pool_list}).
 */
record PersistRecord(String commonName, String ipv4, String ipv6) {
}
