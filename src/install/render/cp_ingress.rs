//! `controlPlane.ingress`: a networking.k8s.io/v1 Ingress sending one path of one host
//! to the control plane Service (by default its HTTP API port 5681). The values are those
//! of Kuma's chart (deployments/charts/kuma/values.yaml); the object is what we know of
//! its templates/cp-ingress.yaml.

use super::control_plane::non_empty_text;
use super::{CONTROL_PLANE_NAME, Context, non_empty};
use crate::install::manifest::Object;
use k8s_openapi::api::networking::v1::{
    HTTPIngressPath, HTTPIngressRuleValue, Ingress, IngressBackend, IngressRule,
    IngressServiceBackend, IngressSpec, ServiceBackendPort,
};

pub fn render(ctx: &Context) -> anyhow::Result<Option<Object>> {
    let values = ctx.values;
    let path = |name: &str| format!("controlPlane.ingress.{name}");
    if !values.truthy(&path("enabled")) {
        return Ok(None);
    }
    let mut metadata = ctx.cp_meta(CONTROL_PLANE_NAME)?;
    metadata.annotations = non_empty(values.string_map(&path("annotations"))?);
    let backend = IngressBackend {
        service: Some(IngressServiceBackend {
            name: ctx.service_name.clone(),
            port: Some(ServiceBackendPort {
                number: Some(values.int(&path("servicePort"))?.unwrap_or(5681)),
                name: None,
            }),
        }),
        resource: None,
    };
    Object::typed(&Ingress {
        metadata,
        spec: Some(IngressSpec {
            ingress_class_name: non_empty_text(values.text(&path("ingressClassName"))),
            rules: Some(vec![IngressRule {
                host: non_empty_text(values.text(&path("hostname"))),
                http: Some(HTTPIngressRuleValue {
                    paths: vec![HTTPIngressPath {
                        path: non_empty_text(values.text(&path("path"))),
                        path_type: match values.text(&path("pathType")) {
                            path_type if path_type.is_empty() => {
                                "ImplementationSpecific".to_string()
                            }
                            path_type => path_type,
                        },
                        backend,
                    }],
                }),
            }]),
            ..IngressSpec::default()
        }),
        status: None,
    })
    .map(Some)
}
