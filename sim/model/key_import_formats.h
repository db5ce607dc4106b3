// The public key formats ImportKeyPair accepts besides an OpenSSH line: an RFC 4716 SSH2 public
// key file, PEM (PKCS#1 "RSA PUBLIC KEY" or SubjectPublicKeyInfo "PUBLIC KEY") and DER, raw or
// base64
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-key-pairs.html#how-to-generate-your-own-key-and-import-it-to-aws).
#ifndef EC2SIM_MODEL_KEY_IMPORT_FORMATS_H_
#define EC2SIM_MODEL_KEY_IMPORT_FORMATS_H_

#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::model {

// The key in `material` as an OpenSSH public key line ("ssh-rsa AAAA... [comment]"); an OpenSSH
// line comes back unchanged. RSA and ED25519 only. Errors: kInvalidKeyPairFormat.
Result<std::string> PublicKeyAsOpenSshLine(std::string_view material);

// The DER SubjectPublicKeyInfo of an ssh-rsa public key blob, whose MD5 EC2 reports as the
// fingerprint of an imported RSA key. Errors: kInvalidKeyPairFormat.
Result<std::string> RsaBlobToSpkiDer(std::string_view ssh_blob);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_KEY_IMPORT_FORMATS_H_
