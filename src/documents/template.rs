//! A template embedded in the binary, by its file name in `templates/`.

#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub text: &'static str,
}

/// The template `templates/$name`, embedded: a missing file does not compile.
macro_rules! template {
    ($name:literal) => {
        $crate::documents::Template {
            name: $name,
            text: include_str!(concat!("../../templates/", $name)),
        }
    };
}
