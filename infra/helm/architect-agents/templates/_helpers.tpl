{{- define "architect.name" -}}{{ .Release.Name }}-architect-agents{{- end -}}
{{- define "architect.secretName" -}}{{ default (printf "%s-secrets" (include "architect.name" .)) .Values.secrets.existingSecret }}{{- end -}}
{{- define "architect.labels" -}}
app.kubernetes.io/name: architect-agents
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "architect.env" -}}
- name: ConnectionStrings__Runs
  valueFrom:
    secretKeyRef: { name: {{ include "architect.secretName" . }}, key: runs-connection-string }
- name: Models__gpt__ApiKey
  valueFrom:
    secretKeyRef: { name: {{ include "architect.secretName" . }}, key: openai-api-key, optional: true }
- name: Runs__NodeId
  valueFrom:
    fieldRef: { fieldPath: metadata.name }
{{- range $key, $value := .Values.config }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
{{- define "architect.probes" -}}
livenessProbe:
  httpGet: { path: /health/live, port: http }
  periodSeconds: 15
readinessProbe:
  httpGet: { path: /health/ready, port: http }
  periodSeconds: 10
startupProbe:
  httpGet: { path: /health/live, port: http }
  failureThreshold: 30
  periodSeconds: 2
{{- end -}}
