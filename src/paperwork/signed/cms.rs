//! A PDF signature's CMS object judged: the signer's certificate, the
//! signing time, whether the signature verifies over the signed bytes with
//! the key of the certificate it carries, and whether that certificate's
//! chain reaches a root the clerk configured.
//!
//! RSA only (PKCS #1 v1.5 and PSS, SHA-1/256/384/512): what the Vietnamese
//! token services issue. Another algorithm is said, not guessed.

use std::path::Path;

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, Pss, RsaPublicKey};
use x509_cert::Certificate;
use x509_cert::der::asn1::{PrintableStringRef, Utf8StringRef};
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::der::oid::db::{rfc4519, rfc5911, rfc5912};
use x509_cert::der::{Decode, Encode, SliceReader, Tag, Tagged};
use x509_cert::time::Time;

/// Whether the signature's mathematics holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Crypto {
    /// The signed bytes' digest is the one signed, and the signature
    /// verifies with the key of the certificate it carries.
    Valid,
    Invalid(String),
    /// An algorithm tdkt does not check.
    Unchecked(String),
}

/// Whether the signer's certificate is one the body trusts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// No root configured: said, never assumed.
    NotChecked,
    /// Its chain reaches this configured root (its subject).
    Reaches(String),
    Not(String),
}

pub(super) struct Judged {
    pub signer: String,
    pub subject: String,
    pub time: Option<String>,
    pub crypto: Crypto,
    pub trust: Trust,
}

pub(super) fn judge(contents: &[u8], signed: &[&[u8]], roots: &[Certificate]) -> Judged {
    match judge_cms(contents, signed, roots) {
        Ok(judged) => judged,
        Err(why) => Judged {
            signer: "(không đọc được)".into(),
            subject: String::new(),
            time: None,
            crypto: Crypto::Invalid(why),
            trust: Trust::Not("không đọc được chứng thư".into()),
        },
    }
}

fn judge_cms(contents: &[u8], signed: &[&[u8]], roots: &[Certificate]) -> Result<Judged, String> {
    // The hole is padded with zeros after the DER object: read one value.
    let mut reader = SliceReader::new(contents).map_err(|_| unreadable())?;
    let info = ContentInfo::decode(&mut reader).map_err(|_| unreadable())?;
    if info.content_type != rfc5911::ID_SIGNED_DATA {
        return Err(unreadable());
    }
    let data: SignedData = info.content.decode_as().map_err(|_| unreadable())?;
    let signer_info = data.signer_infos.0.iter().next().ok_or_else(unreadable)?;
    let carried: Vec<Certificate> = data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(cert) => Some(cert.clone()),
            _ => None,
        })
        .collect();
    let Some(cert) = carried.iter().find(|c| is_signer(c, &signer_info.sid)) else {
        return Err("chữ ký không kèm chứng thư của người ký".into());
    };
    let time = signing_time(signer_info);
    Ok(Judged {
        signer: common_name(&cert.tbs_certificate.subject)
            .unwrap_or_else(|| cert.tbs_certificate.subject.to_string()),
        subject: cert.tbs_certificate.subject.to_string(),
        time: time.map(vietnam_time),
        crypto: verify_signer(signer_info, cert, signed),
        trust: trust(cert, &carried, roots, time),
    })
}

fn unreadable() -> String {
    "không đọc được chữ ký (không phải CMS SignedData)".into()
}

fn is_signer(cert: &Certificate, sid: &SignerIdentifier) -> bool {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => {
            cert.tbs_certificate.issuer == id.issuer
                && cert.tbs_certificate.serial_number == id.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(key) => {
            cert.tbs_certificate.extensions.iter().flatten().any(|e| {
                e.extn_id == rfc5912::ID_CE_SUBJECT_KEY_IDENTIFIER
                    && e.extn_value.as_bytes().ends_with(key.0.as_bytes())
            })
        }
    }
}

/// The signed attribute `signingTime`, as seconds since 1970.
fn signing_time(info: &SignerInfo) -> Option<i64> {
    let attribute = info
        .signed_attrs
        .iter()
        .flat_map(|attrs| attrs.iter())
        .find(|a| a.oid == rfc5911::ID_SIGNING_TIME)?;
    let value = attribute.values.iter().next()?.to_der().ok()?;
    let time = Time::from_der(&value).ok()?;
    i64::try_from(time.to_unix_duration().as_secs()).ok()
}

/// A moment said as `verify` says it: Vietnam's time (UTC+7), which is
/// what the signer's clock showed.
pub(super) fn vietnam_time(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds + 7 * 3600, 0)
        .map(|t| {
            t.format("%H:%M:%S ngày %d/%m/%Y (giờ Việt Nam)")
                .to_string()
        })
        .unwrap_or_default()
}

fn common_name(name: &x509_cert::name::Name) -> Option<String> {
    name.0.iter().flat_map(|rdn| rdn.0.iter()).find_map(|atv| {
        if atv.oid != rfc4519::COMMON_NAME {
            return None;
        }
        match atv.value.tag() {
            Tag::Utf8String => Utf8StringRef::try_from(&atv.value)
                .ok()
                .map(|s| s.as_str().to_owned()),
            Tag::PrintableString => PrintableStringRef::try_from(&atv.value)
                .ok()
                .map(|s| s.as_str().to_owned()),
            _ => None,
        }
    })
}

#[derive(Clone, Copy)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn of_digest(oid: ObjectIdentifier) -> Option<Hash> {
        match oid {
            rfc5912::ID_SHA_1 => Some(Hash::Sha1),
            rfc5912::ID_SHA_256 => Some(Hash::Sha256),
            rfc5912::ID_SHA_384 => Some(Hash::Sha384),
            rfc5912::ID_SHA_512 => Some(Hash::Sha512),
            _ => None,
        }
    }

    fn digest(self, pieces: &[&[u8]]) -> Vec<u8> {
        fn run<D: sha2::Digest>(pieces: &[&[u8]]) -> Vec<u8> {
            let mut d = D::new();
            pieces.iter().for_each(|p| d.update(p));
            d.finalize().to_vec()
        }
        match self {
            Hash::Sha1 => run::<sha1::Sha1>(pieces),
            Hash::Sha256 => run::<sha2::Sha256>(pieces),
            Hash::Sha384 => run::<sha2::Sha384>(pieces),
            Hash::Sha512 => run::<sha2::Sha512>(pieces),
        }
    }

    fn pkcs1(self) -> Pkcs1v15Sign {
        match self {
            Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
            Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
            Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
            Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        }
    }

    fn pss(self) -> Pss {
        match self {
            Hash::Sha1 => Pss::new::<sha1::Sha1>(),
            Hash::Sha256 => Pss::new::<sha2::Sha256>(),
            Hash::Sha384 => Pss::new::<sha2::Sha384>(),
            Hash::Sha512 => Pss::new::<sha2::Sha512>(),
        }
    }
}

/// Verifies `signature` over `message` with `key` by the algorithm `algorithm`
/// (a signature algorithm, or plain RSA with the digest `digest`).
fn verify_rsa(
    key: &x509_cert::spki::SubjectPublicKeyInfoOwned,
    algorithm: ObjectIdentifier,
    digest: Option<Hash>,
    message: &[&[u8]],
    signature: &[u8],
) -> Crypto {
    let hash = match algorithm {
        rfc5912::SHA_1_WITH_RSA_ENCRYPTION => Some(Hash::Sha1),
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => Some(Hash::Sha256),
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => Some(Hash::Sha384),
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => Some(Hash::Sha512),
        rfc5912::RSA_ENCRYPTION | rfc5912::ID_RSASSA_PSS => digest,
        _ => None,
    };
    let Some(hash) = hash else {
        return Crypto::Unchecked(format!(
            "thuật toán chữ ký {algorithm} chưa được tdkt kiểm tra (tdkt kiểm tra RSA)"
        ));
    };
    let Ok(public) = key
        .to_der()
        .map_err(|_| ())
        .and_then(|der| RsaPublicKey::from_public_key_der(&der).map_err(|_| ()))
    else {
        return Crypto::Unchecked("khóa công khai của chứng thư không phải khóa RSA".into());
    };
    let hashed = hash.digest(message);
    let verified = if algorithm == rfc5912::ID_RSASSA_PSS {
        public.verify(hash.pss(), &hashed, signature)
    } else {
        public.verify(hash.pkcs1(), &hashed, signature)
    };
    match verified {
        Ok(()) => Crypto::Valid,
        Err(_) => Crypto::Invalid("chữ ký không khớp với khóa của chứng thư".into()),
    }
}

fn verify_signer(info: &SignerInfo, cert: &Certificate, signed: &[&[u8]]) -> Crypto {
    let Some(digest) = Hash::of_digest(info.digest_alg.oid) else {
        return Crypto::Unchecked(format!(
            "hàm băm {} chưa được tdkt kiểm tra",
            info.digest_alg.oid
        ));
    };
    let content_digest = digest.digest(signed);
    let key = &cert.tbs_certificate.subject_public_key_info;
    let algorithm = info.signature_algorithm.oid;
    let signature = info.signature.as_bytes();
    let Some(attributes) = &info.signed_attrs else {
        return verify_rsa(key, algorithm, Some(digest), signed, signature);
    };
    let said = attributes
        .iter()
        .find(|a| a.oid == rfc5911::ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<x509_cert::der::asn1::OctetString>().ok());
    if said.as_ref().map(|d| d.as_bytes()) != Some(content_digest.as_slice()) {
        return Crypto::Invalid(
            "các byte được ký đã đổi: mã băm của chúng khác mã băm ghi trong chữ ký".into(),
        );
    }
    // The signature is over the attributes' DER as a SET OF.
    let Ok(encoded) = attributes.to_der() else {
        return Crypto::Invalid(unreadable());
    };
    verify_rsa(key, algorithm, Some(digest), &[&encoded], signature)
}

/// Whether `cert` chains, through the certificates the signature carries,
/// to one of `roots`, each link's signature verified and each certificate
/// valid at the signing time when it is known. Revocation is not checked
/// (said by `verify`).
fn trust(
    cert: &Certificate,
    carried: &[Certificate],
    roots: &[Certificate],
    at: Option<i64>,
) -> Trust {
    if roots.is_empty() {
        return Trust::NotChecked;
    }
    let mut current = cert.clone();
    for _ in 0..8 {
        if let Some(when) = at {
            let validity = &current.tbs_certificate.validity;
            let from = validity.not_before.to_unix_duration().as_secs() as i64;
            let to = validity.not_after.to_unix_duration().as_secs() as i64;
            if when < from || when > to {
                return Trust::Not(format!(
                    "chứng thư {} không còn hiệu lực lúc ký",
                    common_name(&current.tbs_certificate.subject).unwrap_or_default()
                ));
            }
        }
        if let Some(root) = roots.iter().find(|r| **r == current) {
            return Trust::Reaches(root.tbs_certificate.subject.to_string());
        }
        let issuer = &current.tbs_certificate.issuer;
        let Some(parent) = roots
            .iter()
            .chain(carried)
            .find(|c| &c.tbs_certificate.subject == issuer && **c != current)
        else {
            return Trust::Not(format!(
                "không tìm thấy chứng thư của bên cấp {issuer} trong các chứng thư tin cậy"
            ));
        };
        let Ok(tbs) = current.tbs_certificate.to_der() else {
            return Trust::Not("không đọc được chứng thư".into());
        };
        let checked = verify_rsa(
            &parent.tbs_certificate.subject_public_key_info,
            current.signature_algorithm.oid,
            None,
            &[&tbs],
            current.signature.raw_bytes(),
        );
        if checked != Crypto::Valid {
            return Trust::Not(format!(
                "chữ ký của bên cấp trên chứng thư {} không hợp lệ",
                current.tbs_certificate.subject
            ));
        }
        if roots.contains(parent) {
            return Trust::Reaches(parent.tbs_certificate.subject.to_string());
        }
        current = parent.clone();
    }
    Trust::Not("chuỗi chứng thư quá dài".into())
}

/// The certificates in `folder` (PEM or DER), and what is wrong with any
/// file there that is not one.
pub fn load_roots(folder: &Path) -> (Vec<Certificate>, Vec<String>) {
    let mut roots = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return (roots, problems);
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let bytes = match crate::read::read_bounded(&path, 1 << 20) {
            Ok(bytes) => bytes,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let parsed = if bytes.starts_with(b"-----BEGIN") {
            Certificate::load_pem_chain(&bytes).ok()
        } else {
            Certificate::from_der(&bytes).ok().map(|c| vec![c])
        };
        match parsed {
            Some(certs) if !certs.is_empty() => roots.extend(certs),
            _ => problems.push(format!(
                "{}: không phải chứng thư số X.509 (PEM hay DER); trong thư mục này chỉ để \
                 chứng thư gốc mà cơ quan tin cậy",
                path.display()
            )),
        }
    }
    (roots, problems)
}
