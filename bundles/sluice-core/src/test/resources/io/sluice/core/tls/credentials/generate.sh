#!/bin/sh
# Regenerates the key and certificate fixtures of CredentialFilesTest with the openssl
# command (written with OpenSSL 3.0.x as Debian 12 ships it). Run it in this directory:
#   sh generate.sh
# Every file except this script and README.md is overwritten. See README.md.
set -eu
PASS='correct horse'
PASS_UTF8='pässwörd'   # UTF-8; OpenSSL uses the bytes as given
DAYS=36500

rm -f -- ./*.crt ./*.key ./*.p12 ./*.p12.b64 ./*.pass

# Two certification authorities (EC P-256, self-signed), and an intermediate one under ca.
for ca in ca other-ca; do
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$ca.key" -out "$ca.crt" \
        -days $DAYS -subj "/O=Sluice fixtures/CN=Sluice fixture $ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
done
printf '%s\n' 'basicConstraints=critical,CA:TRUE' 'keyUsage=critical,keyCertSign,cRLSign' > ca.ext
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout sub-ca.key \
    -subj "/O=Sluice fixtures/CN=Sluice fixture sub-ca" -out sub-ca.csr
openssl x509 -req -in sub-ca.csr -CA ca.crt -CAkey ca.key -days $DAYS -set_serial "0x$(openssl rand -hex 8)" \
    -extfile ca.ext -out sub-ca.crt

# Plain keys: RSA 2048 as PKCS#8 (what genpkey/genrsa write), EC P-256 as ecparam -genkey writes it
# (an EC PARAMETERS block, then SEC1).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-pkcs8.key
openssl ecparam -name prime256v1 -genkey -out ec-ecparam.key
openssl pkey -in ec-ecparam.key -out ec-pkcs8.key

# The same keys in the other unencrypted forms.
openssl rsa -in rsa-pkcs8.key -traditional -out rsa-pkcs1.key          # BEGIN RSA PRIVATE KEY
openssl ec -in ec-ecparam.key -out ec-sec1.key                         # BEGIN EC PRIVATE KEY

# Encrypted PKCS#8 (PBES2: PBKDF2 with HMAC-SHA256, AES-256-CBC).
openssl pkcs8 -topk8 -v2 aes-256-cbc -in rsa-pkcs8.key -passout "pass:$PASS" -out rsa-pkcs8-aes256.key
openssl pkcs8 -topk8 -v2 aes-256-cbc -in ec-pkcs8.key -passout "pass:$PASS" -out ec-pkcs8-aes256.key
openssl pkey -in rsa-pkcs8.key -aes256 -passout "pass:$PASS" -out rsa-pkey-aes256.key   # as genpkey -aes256 writes

# Legacy OpenSSL PEM encryption (Proc-Type: 4,ENCRYPTED / DEK-Info).
openssl rsa -in rsa-pkcs8.key -traditional -aes256 -passout "pass:$PASS" -out rsa-pkcs1-aes256.key
openssl rsa -in rsa-pkcs8.key -traditional -des3 -passout "pass:$PASS" -out rsa-pkcs1-des3.key
openssl ec -in ec-sec1.key -aes256 -passout "pass:$PASS" -out ec-sec1-aes256.key

# PKCS#8 with PKCS#12's PBE (3DES), as OpenSSL 1.0's pkcs8 -topk8 wrote by default.
openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in rsa-pkcs8.key -passout "pass:$PASS" -out rsa-pkcs8-3des.key

# A non-ASCII passphrase.
openssl pkcs8 -topk8 -v2 aes-256-cbc -in ec-pkcs8.key -passout "pass:$PASS_UTF8" -out ec-pkcs8-aes256-utf8.key
openssl ec -in ec-sec1.key -aes256 -passout "pass:$PASS_UTF8" -out ec-sec1-aes256-utf8.key

# Client certificates for both keys, issued by ca.
printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
    'extendedKeyUsage=clientAuth' > client.ext
for k in rsa ec; do
    openssl req -new -key "$k-pkcs8.key" -subj "/O=Sluice fixtures/CN=$k-client" -out "$k.csr"
    openssl x509 -req -in "$k.csr" -CA ca.crt -CAkey ca.key -days $DAYS -set_serial "0x$(openssl rand -hex 8)" \
        -extfile client.ext -out "$k.crt"
done
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out chain.key
openssl req -new -key chain.key -subj "/O=Sluice fixtures/CN=chain-client" -out chain.csr
openssl x509 -req -in chain.csr -CA sub-ca.crt -CAkey sub-ca.key -days $DAYS \
    -set_serial "0x$(openssl rand -hex 8)" -extfile client.ext -out chain.crt
rm -f client.ext ca.ext ./*.csr

# PKCS#12: OpenSSL 3's defaults (PBES2/AES-256-CBC bags, HMAC-SHA256 MAC) with a password and with
# an empty one; 3DES bags with a SHA-1 MAC; and -legacy (RC2-40 certificates, 3DES key).
openssl pkcs12 -export -in rsa.crt -inkey rsa-pkcs8.key -certfile ca.crt -passout "pass:$PASS" -out rsa.p12
openssl pkcs12 -export -in ec.crt -inkey ec-pkcs8.key -certfile ca.crt -passout pass: -out ec-nopass.p12
openssl pkcs12 -export -in ec.crt -inkey ec-pkcs8.key -passout "pass:$PASS" -out ec-noca.p12
openssl pkcs12 -export -in rsa.crt -inkey rsa-pkcs8.key -certfile ca.crt -passout "pass:$PASS" \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -out rsa-3des.p12
openssl pkcs12 -export -legacy -in ec.crt -inkey ec-pkcs8.key -certfile ca.crt -passout "pass:$PASS" \
    -out ec-legacy.p12
openssl pkcs12 -export -in ec.crt -inkey ec-pkcs8.key -passout "pass:$PASS_UTF8" -out ec-utf8.p12
cat sub-ca.crt ca.crt > chain-cas.pem
openssl pkcs12 -export -in chain.crt -inkey chain.key -certfile chain-cas.pem -passout "pass:$PASS" -out chain.p12
rm -f chain-cas.pem chain.key
openssl base64 -in rsa.p12 -out rsa.p12.b64                             # for <pkcs12> inline blocks

# askpass files: the passphrase on the first line.
printf '%s\n' "$PASS" > right.pass
printf 'wrong horse\n' > wrong.pass
rm -f ca.key other-ca.key sub-ca.key
