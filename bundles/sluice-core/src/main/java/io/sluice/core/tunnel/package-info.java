/**
 * What a running tunnel keeps per peer on the data path, shared by the server (one per client)
 * and the client: the data-channel keys by key id with their hand-over between the control
 * thread and the I/O threads, and how a key's material becomes an encryptor and a decryptor.
 */
package io.sluice.core.tunnel;
